import WebhookEndpointDisabledEmail from "@/emails/webhook-endpoint-disabled";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { kickJobs } from "@/lib/jobs/kick-jobs";

export const FAILING_DAYS_BEFORE_DISABLE = 5;

// Disables an endpoint the system gave up on, once: the conditional update decides between concurrent
// deliveries, and only the winner records it and emails the owners (in the same transaction).
export async function disableEndpoint(endpointId: string, reason: string, now: Date): Promise<boolean> {
  const disabled = await prisma.$transaction(async (tx) => {
    const changed = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, enabled: true },
      data: { enabled: false, disabledReason: reason, disabledAt: now },
    });
    if (changed.count === 0) return false;
    const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { id: true, url: true, businessId: true, business: { select: { name: true } } },
    });
    await recordAudit(tx, {
      businessId: endpoint.businessId,
      actor: { system: true },
      action: "webhook_endpoint.auto_disabled",
      target: { type: "webhook_endpoint", id: endpoint.id, label: endpoint.url },
      data: { reason },
    });
    const owners = await tx.member.findMany({
      where: { businessId: endpoint.businessId, role: "owner" },
      select: { user: { select: { email: true } } },
    });
    for (const { user } of owners) {
      await queueEmail(tx, {
        template: "webhook-endpoint-disabled",
        to: user.email,
        subject: `Webhook endpoint disabled for ${endpoint.business.name}`,
        businessId: endpoint.businessId,
        body: WebhookEndpointDisabledEmail({
          businessName: endpoint.business.name,
          url: endpoint.url,
          reason,
          webhooksUrl: `${env.APP_URL}/dashboard/webhooks`,
        }),
      });
    }
    return true;
  });
  if (disabled) kickJobs();
  return disabled;
}

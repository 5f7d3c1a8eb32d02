import { ApiError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { callStripe, requireStripe } from "./client";
import { applyStripeSubscription } from "./sync-subscription";

async function currentStripeSubscription(businessId: string) {
  requireStripe();
  const row = await prisma.subscription.findUnique({ where: { businessId } });
  if (!row?.externalSubscriptionId || row.provider !== "stripe") {
    throw new ApiError("conflict", "This business has no card subscription. Choose a paid plan first.");
  }
  return row.externalSubscriptionId;
}

// Cancel at period end (cancel = true) or undo it: access continues until the period ends either way.
export async function setCancelAtPeriodEnd(businessId: string, userId: string, cancel: boolean, origin: Pick<AuditActor, "ipAddress" | "userAgent"> = {}) {
  const subscriptionId = await currentStripeSubscription(businessId);
  const updated = await callStripe((stripe) => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }));
  await prisma.$transaction(async (tx) => {
    await applyStripeSubscription(tx, businessId, updated, null, { userId });
    await recordAudit(tx, {
      businessId,
      actor: { userId, ...origin },
      action: cancel ? "billing.cancel_scheduled" : "billing.cancel_undone",
      target: { type: "subscription", id: businessId, label: "the plan" },
      data: { subscription: subscriptionId },
    });
  });
  return prisma.subscription.findUniqueOrThrow({
    where: { businessId },
    select: { plan: true, status: true, cancelAtPeriodEnd: true, currentPeriodEnd: true },
  });
}

export async function createPortalSession(businessId: string): Promise<{ url: string }> {
  requireStripe();
  const row = await prisma.subscription.findUnique({ where: { businessId }, select: { externalCustomerId: true } });
  if (!row?.externalCustomerId) {
    throw new ApiError("conflict", "The billing portal opens once this business has paid by card. Choose a paid plan first.");
  }
  const customer = row.externalCustomerId;
  const session = await callStripe((stripe) =>
    stripe.billingPortal.sessions.create({ customer, return_url: `${env.APP_URL}/dashboard/billing` }),
  );
  return { url: session.url };
}

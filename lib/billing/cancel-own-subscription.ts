import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";

const OWN_PROVIDERS = ["paynow", "cvt", "none"] as const;
const CANCELLED = "The subscription was cancelled at the end of its period.";

// Subscriptions Tangabiz bills itself (mobile money, CVT, manual): cancelling stops renewals at the end of the
// paid period (the billing run then moves the business to Free) and voids a renewal invoice already opened
// for the next period; resuming undoes both.
// Answers null when the business is not billed by us (the card path handles it).
export async function setOwnCancelAtPeriodEnd(businessId: string, userId: string, cancel: boolean, origin: Pick<AuditActor, "ipAddress" | "userAgent"> = {}) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.subscription.updateMany({
      where: { businessId, provider: { in: [...OWN_PROVIDERS] }, plan: { not: "free" } },
      data: { cancelAtPeriodEnd: cancel },
    });
    if (updated.count === 0) return null;
    const subscription = await tx.subscription.findUniqueOrThrow({ where: { businessId } });
    if (subscription.currentPeriodEnd) {
      // The renewal keeps its (subscription, period start) slot, so resuming reopens it rather than a new one.
      const period = { subscriptionId: subscription.id, periodStart: { gte: subscription.currentPeriodEnd } };
      if (cancel) {
        await tx.invoice.updateMany({ where: { ...period, status: "open" }, data: { status: "void", voidReason: CANCELLED } });
      } else {
        await tx.invoice.updateMany({ where: { ...period, status: "void", voidReason: CANCELLED }, data: { status: "open", voidReason: null } });
      }
    }
    await recordAudit(tx, {
      businessId,
      actor: { userId, ...origin },
      action: cancel ? "billing.cancel_scheduled" : "billing.cancel_undone",
      target: { type: "subscription", id: businessId, label: "the plan" },
      data: { provider: subscription.provider },
    });
    const { plan, status, cancelAtPeriodEnd, currentPeriodEnd } = subscription;
    return { plan, status, cancelAtPeriodEnd, currentPeriodEnd };
  });
}

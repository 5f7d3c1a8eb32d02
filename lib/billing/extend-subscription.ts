import type { PaymentProviderName, Plan, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { Prisma, Subscription } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { emitSubscriptionUpdated } from "@/lib/webhooks-out/emit-billing-events";
import { addMonthsUtc } from "./billing-period";

export interface PaidPeriod {
  periodStart: Date;
  periodEnd: Date;
  // The subscription's status before this payment (e.g. "suspended": the caller sends a reactivation email).
  previousStatus: SubscriptionStatus | null;
  // The subscription's period end after this payment (what the receipt says it is paid until).
  paidUntil: Date | null;
}

// Paying an invoice for a plan activates the subscription, or extends it by one period: from the end of the
// current paid period when it is the same plan and still running, from now otherwise (a new or changed plan
// starts today). A renewal invoice opened by the billing run buys exactly its own period, from the end of the
// period before it, however late it is paid. Runs inside the payment's transaction, with the subscription row
// locked so two invoices paid at once extend twice rather than overwrite each other.
export async function extendSubscriptionForPayment(
  tx: Prisma.TransactionClient,
  {
    businessId,
    plan,
    currency,
    renewal,
  }: { businessId: string; plan: Plan; currency?: string; renewal?: { periodStart: Date; periodEnd: Date } },
  now: Date,
): Promise<PaidPeriod> {
  await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE "businessId" = ${businessId} FOR UPDATE`;
  const current = await tx.subscription.findUnique({ where: { businessId } });
  const previousStatus = current?.status ?? null;
  if (renewal && current) {
    const periodEnd = current.currentPeriodEnd && current.currentPeriodEnd > renewal.periodEnd ? current.currentPeriodEnd : renewal.periodEnd;
    const after = await tx.subscription.update({
      where: { businessId },
      data: { plan, status: "active", currentPeriodStart: renewal.periodStart, currentPeriodEnd: periodEnd },
    });
    await announcePaidPeriod(tx, businessId, current, plan, after);
    return { ...renewal, previousStatus, paidUntil: after.currentPeriodEnd };
  }
  const samePaynowPlan = current?.plan === plan && current.status === "active" && current.provider === "paynow";
  // Card billing cancelled at period end: mobile money takes over when the card period ends, never overlapping it.
  const cardEndsLater = current?.provider === "stripe" && current.cancelAtPeriodEnd;
  const continues = (samePaynowPlan || cardEndsLater) && current?.currentPeriodEnd != null && current.currentPeriodEnd > now;
  const periodStart = continues ? current.currentPeriodEnd! : now;
  const periodEnd = addMonthsUtc(periodStart, 1);
  const provider: PaymentProviderName = "paynow";
  const data = {
    plan,
    status: "active" as const,
    provider,
    currentPeriodStart: continues ? current.currentPeriodStart ?? now : now,
    currentPeriodEnd: periodEnd,
    cancelAtPeriodEnd: false,
    // The period is now paid with mobile money: a card subscription still linked is no longer current
    // (its later events are ignored); a new card checkout links a fresh one.
    externalSubscriptionId: null,
    externalPriceId: null,
    // Renewals are invoiced in the currency the business last paid in.
    ...(currency ? { billingCurrency: currency } : {}),
  };
  const after = await tx.subscription.upsert({ where: { businessId }, create: { businessId, ...data }, update: data });
  await announcePaidPeriod(tx, businessId, current, plan, after);
  return { periodStart, periodEnd, previousStatus, paidUntil: after.currentPeriodEnd };
}

// The audit entry for a plan change and the subscription.updated webhook, in the payment's transaction.
async function announcePaidPeriod(
  tx: Prisma.TransactionClient,
  businessId: string,
  before: Parameters<typeof emitSubscriptionUpdated>[2],
  plan: Plan,
  after: Subscription,
) {
  if (before && before.plan !== plan) {
    await recordAudit(tx, {
      businessId,
      actor: { system: true },
      action: "billing.plan_changed",
      target: { type: "subscription", id: businessId, label: "the plan" },
      data: { from: before.plan, to: plan, provider: "paynow" },
    });
  }
  await emitSubscriptionUpdated(tx, businessId, before, after);
}

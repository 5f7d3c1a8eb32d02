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
export interface PlanPayment {
  businessId: string;
  plan: Plan;
  currency?: string;
  renewal?: { periodStart: Date; periodEnd: Date };
}

export async function extendSubscriptionForPayment(tx: Prisma.TransactionClient, { businessId, plan, currency, renewal }: PlanPayment, now: Date): Promise<PaidPeriod> {
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

// The same for many payments (a billing run's batch of CVT charges), in order. Renewals of distinct businesses
// that have a subscription are locked and extended with one query each for all of them; any other payment
// goes through extendSubscriptionForPayment. `subscribers`: the businesses with a webhook endpoint for
// subscription.updated, read once by the caller for the batch.
export async function extendSubscriptionsForPayments(
  tx: Prisma.TransactionClient,
  payments: PlanPayment[],
  now: Date,
  subscribers: ReadonlySet<string>,
): Promise<PaidPeriod[]> {
  const perBusiness = new Map<string, number>();
  for (const { businessId } of payments) perBusiness.set(businessId, (perBusiness.get(businessId) ?? 0) + 1);
  const renewals = payments.filter((p) => p.renewal && perBusiness.get(p.businessId) === 1);
  const before = new Map(
    renewals.length === 0
      ? []
      : (
          await tx.$queryRaw<Subscription[]>`
            SELECT * FROM "Subscription" WHERE "businessId" = ANY(${renewals.map((p) => p.businessId)}::text[])
            ORDER BY "businessId" FOR UPDATE`
        ).map((subscription) => [subscription.businessId, subscription]),
  );
  const extending = renewals.filter((p) => before.has(p.businessId));
  const after = new Map(
    extending.length === 0
      ? []
      : (
          await tx.$queryRaw<Subscription[]>`
            UPDATE "Subscription" s SET plan = v.plan::"Plan", status = 'active', "currentPeriodStart" = v.period_start,
              "currentPeriodEnd" = GREATEST(s."currentPeriodEnd", v.period_end), "updatedAt" = ${now}
            FROM unnest(${extending.map((p) => p.businessId)}::text[], ${extending.map((p) => p.plan)}::text[],
              ${extending.map((p) => p.renewal!.periodStart.toISOString())}::timestamptz[],
              ${extending.map((p) => p.renewal!.periodEnd.toISOString())}::timestamptz[]) AS v(business_id, plan, period_start, period_end)
            WHERE s."businessId" = v.business_id
            RETURNING s.*`
        ).map((subscription) => [subscription.businessId, subscription]),
  );
  const periods: PaidPeriod[] = [];
  for (const payment of payments) {
    const current = before.get(payment.businessId);
    const extended = after.get(payment.businessId);
    if (!payment.renewal || !current || !extended) {
      periods.push(await extendSubscriptionForPayment(tx, payment, now));
      continue;
    }
    await announcePaidPeriod(tx, payment.businessId, current, payment.plan, extended, subscribers.has(payment.businessId));
    periods.push({ ...payment.renewal, previousStatus: current.status, paidUntil: extended.currentPeriodEnd });
  }
  return periods;
}

// The audit entry for a plan change and the subscription.updated webhook (unless the caller knows the business
// has no endpoint for it), in the payment's transaction.
async function announcePaidPeriod(
  tx: Prisma.TransactionClient,
  businessId: string,
  before: Parameters<typeof emitSubscriptionUpdated>[2],
  plan: Plan,
  after: Subscription,
  subscribed = true,
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
  if (subscribed) await emitSubscriptionUpdated(tx, businessId, before, after);
}

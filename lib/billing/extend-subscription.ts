import type { Plan } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { emitSubscriptionUpdated } from "@/lib/webhooks-out/emit-billing-events";
import { addMonthsUtc } from "./billing-period";

// Paying an invoice for a plan activates the subscription, or extends it by one period: from the end of the
// current paid period when it is the same plan and still running, from now otherwise (a new or changed plan
// starts today). Runs inside the payment's transaction, with the subscription row locked so two invoices
// paid at once extend twice rather than overwrite each other. Answers the period that was bought.
export async function extendSubscriptionForPayment(
  tx: Prisma.TransactionClient,
  { businessId, plan }: { businessId: string; plan: Plan },
  now: Date,
): Promise<{ periodStart: Date; periodEnd: Date }> {
  await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE "businessId" = ${businessId} FOR UPDATE`;
  const current = await tx.subscription.findUnique({ where: { businessId } });
  const continues =
    current?.plan === plan &&
    current.status === "active" &&
    current.provider === "paynow" &&
    current.currentPeriodEnd !== null &&
    current.currentPeriodEnd > now;
  const periodStart = continues ? current.currentPeriodEnd! : now;
  const periodEnd = addMonthsUtc(periodStart, 1);
  const data = {
    plan,
    status: "active" as const,
    provider: "paynow" as const,
    currentPeriodStart: continues ? current.currentPeriodStart ?? now : now,
    currentPeriodEnd: periodEnd,
    cancelAtPeriodEnd: false,
    // The period is now paid with mobile money: a card subscription still linked is no longer current
    // (its later events are ignored); a new card checkout links a fresh one.
    externalSubscriptionId: null,
    externalPriceId: null,
  };
  await tx.subscription.upsert({ where: { businessId }, create: { businessId, ...data }, update: data });
  if (current && current.plan !== plan) {
    await recordAudit(tx, {
      businessId,
      actor: { system: true },
      action: "billing.plan_changed",
      target: { type: "subscription", id: businessId, label: "the plan" },
      data: { from: current.plan, to: plan, provider: "paynow" },
    });
  }
  await emitSubscriptionUpdated(tx, businessId, current);
  return { periodStart, periodEnd };
}

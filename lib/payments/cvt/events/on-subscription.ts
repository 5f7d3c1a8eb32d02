import type { Prisma } from "@/lib/generated/prisma/client";
import type { Plan, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { subscriptionCanceledDataSchema, subscriptionUpdatedDataSchema, type CvtEvent } from "./schemas";

type Tx = Prisma.TransactionClient;
type Outcome = "processed" | "ignored";

const plansByName: Record<string, Plan> = { free: "free", basic: "basic", pro: "pro", enterprise: "enterprise" };
const statuses: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  unpaid: "suspended",
  suspended: "suspended",
  canceled: "canceled",
};

// The subscription row of the customer's business, locked, when CVT may write it: it is billed through CVT
// (or not billed by anyone yet), and this event is not older than the newest one applied.
async function lockCvtSubscription(tx: Tx, customerId: string, eventAt: Date) {
  const business = await tx.business.findUnique({ where: { cvtCustomerId: customerId }, select: { id: true } });
  if (!business) return null;
  await tx.subscription.upsert({ where: { businessId: business.id }, create: { businessId: business.id }, update: {} });
  const [row] = await tx.$queryRaw<{ id: string; provider: string; lastEventAt: Date | null }[]>`
    SELECT id, provider::text, "lastEventAt" FROM "Subscription" WHERE "businessId" = ${business.id} FOR UPDATE`;
  if (row.provider !== "cvt" && row.provider !== "none") return null;
  if (row.lastEventAt && row.lastEventAt > eventAt) return null;
  return { businessId: business.id, subscriptionId: row.id };
}

// subscription.updated: plan and status as CVT has them.
export async function onCvtSubscriptionUpdated(tx: Tx, event: CvtEvent, eventAt: Date): Promise<Outcome> {
  const data = subscriptionUpdatedDataSchema.parse(event.data);
  const target = await lockCvtSubscription(tx, data.customer_id, eventAt);
  if (!target) return "ignored";
  const plan = data.plan ? plansByName[data.plan] : undefined;
  const status = data.status ? statuses[data.status] : undefined;
  await tx.subscription.update({
    where: { id: target.subscriptionId },
    data: {
      provider: "cvt",
      lastEventAt: eventAt,
      ...(plan ? { plan } : {}),
      ...(status ? { status } : {}),
      ...(data.current_period_end ? { currentPeriodEnd: new Date(data.current_period_end) } : {}),
    },
  });
  return "processed";
}

// subscription.canceled: the plan runs until ends_at, then the business falls back to Free (the billing run
// does that once the date has passed; an end already past applies at once). Renewals after it are voided.
export async function onCvtSubscriptionCanceled(tx: Tx, event: CvtEvent, eventAt: Date, now: Date): Promise<Outcome> {
  const data = subscriptionCanceledDataSchema.parse(event.data);
  const target = await lockCvtSubscription(tx, data.customer_id, eventAt);
  if (!target) return "ignored";
  const endsAt = new Date(data.ends_at);
  await tx.invoice.updateMany({
    where: { subscriptionId: target.subscriptionId, status: "open", periodStart: { gte: endsAt } },
    data: { status: "void", voidReason: "The CVT subscription was cancelled." },
  });
  await tx.subscription.update({
    where: { id: target.subscriptionId },
    data:
      endsAt > now
        ? { cancelAtPeriodEnd: true, currentPeriodEnd: endsAt, lastEventAt: eventAt }
        : {
            plan: "free",
            status: "active",
            provider: "none",
            cancelAtPeriodEnd: false,
            currentPeriodStart: null,
            currentPeriodEnd: null,
            lastEventAt: eventAt,
          },
  });
  return "processed";
}

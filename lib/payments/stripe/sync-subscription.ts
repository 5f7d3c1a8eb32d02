import { invoiceBusinessHint, invoiceSubscriptionId } from "./invoice-record";
import { planForStripePriceId } from "./prices";
import { recordAudit, type AuditAction } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { emitSubscriptionUpdated } from "@/lib/webhooks-out/emit-billing-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { fromStripeTime, getStripe, isStripeMissingResource, stripeId, type Stripe } from "./client";

export type Tx = Prisma.TransactionClient;

const ENDED: Stripe.Subscription.Status[] = ["canceled", "incomplete_expired"];

// Stripe's statuses in ours; null means "not started yet" (first payment still incomplete): no plan change.
function ourStatus(status: Stripe.Subscription.Status): SubscriptionStatus | null {
  switch (status) {
    case "active":
      return "active";
    case "trialing":
      return "trialing";
    case "past_due":
      return "past_due";
    case "unpaid":
    case "paused":
      return "suspended";
    default:
      return null;
  }
}

// Every write derives from a freshly retrieved subscription, so a late or replayed event can only ever
// write Stripe's current state; a subscription Stripe no longer knows falls back to the event's copy.
export async function retrieveSubscription(id: string, fallback?: Stripe.Subscription): Promise<Stripe.Subscription> {
  try {
    return await getStripe().subscriptions.retrieve(id);
  } catch (error) {
    if (fallback && isStripeMissingResource(error)) return fallback;
    throw error;
  }
}

// The business a Stripe object belongs to: the one already linked to the subscription, else to the
// customer (we create every customer), else the businessId we put in the metadata.
export async function findBusinessForStripe(ids: {
  subscriptionId?: string | null;
  customerId?: string | null;
  businessId?: string | null;
}): Promise<string | null> {
  const where = [
    ids.subscriptionId && { externalSubscriptionId: ids.subscriptionId },
    ids.customerId && { externalCustomerId: ids.customerId },
  ];
  for (const condition of where) {
    if (!condition) continue;
    const row = await prisma.subscription.findFirst({ where: condition, select: { businessId: true } });
    if (row) return row.businessId;
  }
  if (!ids.businessId) return null;
  const business = await prisma.business.findUnique({ where: { id: ids.businessId }, select: { id: true } });
  return business?.id ?? null;
}

export type SyncOutcome = "applied" | "stale" | "not_current" | "pending";

// Writes a Stripe subscription's state onto the business's subscription row inside the event's
// transaction. The row is locked first, so two events of one business apply one after the other, and
// an event older than the newest one applied (lastEventAt) changes nothing.
export async function applyStripeSubscription(
  tx: Tx,
  businessId: string,
  subscription: Stripe.Subscription,
  eventAt: Date | null,
  actor: { userId?: string; fromCheckout?: boolean } = {},
): Promise<SyncOutcome> {
  await tx.subscription.upsert({ where: { businessId }, create: { businessId }, update: {} });
  const [row] = await tx.$queryRaw<
    { plan: string; provider: string; lastEventAt: Date | null; externalSubscriptionId: string | null; externalCustomerId: string | null }[]
  >`SELECT "plan", "provider", "lastEventAt", "externalSubscriptionId", "externalCustomerId" FROM "Subscription" WHERE "businessId" = ${businessId} FOR UPDATE`;

  if (eventAt && row.lastEventAt && row.lastEventAt > eventAt) return "stale";
  const before = await tx.subscription.findUnique({ where: { businessId } });
  // Once a period is paid with mobile money, only a card checkout the owner completes moves the business
  // back to Stripe; events of an older card subscription must not end or overwrite the paid period.
  if (row.provider === "paynow" && !actor.fromCheckout) {
    await audit(tx, businessId, actor, "billing.stripe_event_ignored", { subscription: subscription.id, reason: "paid with Paynow" });
    return "not_current";
  }
  const isCurrent = row.externalSubscriptionId === null || row.externalSubscriptionId === subscription.id;
  const lastEventAt = eventAt ?? row.lastEventAt;
  const customerId = row.externalCustomerId ?? stripeId(subscription.customer);

  if (ENDED.includes(subscription.status)) {
    if (row.externalSubscriptionId !== subscription.id) return "not_current";
    await tx.subscription.update({
      where: { businessId },
      data: {
        plan: "free",
        status: "active",
        provider: "none",
        externalSubscriptionId: null,
        externalPriceId: null,
        currentPeriodStart: null,
        currentPeriodEnd: null,
        cancelAtPeriodEnd: false,
        lastEventAt,
      },
    });
    await audit(tx, businessId, actor, "billing.subscription_ended", { from: row.plan, to: "free", subscription: subscription.id });
    await emitSubscriptionUpdated(tx, businessId, before);
    return "applied";
  }

  if (!isCurrent) {
    // A second live subscription for one business is never created by us; leave it for a person to refund.
    await audit(tx, businessId, actor, "billing.extra_subscription_ignored", { subscription: subscription.id, current: row.externalSubscriptionId });
    return "not_current";
  }

  const status = ourStatus(subscription.status);
  const item = subscription.items.data[0];
  if (!status || !item) {
    await tx.subscription.update({
      where: { businessId },
      data: { externalSubscriptionId: subscription.id, externalCustomerId: customerId, lastEventAt },
    });
    return "pending";
  }

  const plan = planForStripePriceId(item.price.id);
  if (!plan) throw new Error(`Stripe price ${item.price.id} of subscription ${subscription.id} is not one of STRIPE_PRICE_ID_*`);
  await tx.subscription.update({
    where: { businessId },
    data: {
      plan,
      status,
      provider: "stripe",
      externalCustomerId: customerId,
      externalSubscriptionId: subscription.id,
      externalPriceId: item.price.id,
      currentPeriodStart: fromStripeTime(item.current_period_start),
      currentPeriodEnd: fromStripeTime(item.current_period_end),
      cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at != null,
      lastEventAt,
    },
  });
  if (row.plan !== plan) await audit(tx, businessId, actor, "billing.plan_changed", { from: row.plan, to: plan, subscription: subscription.id });
  await emitSubscriptionUpdated(tx, businessId, before);
  return "applied";
}

function audit(tx: Tx, businessId: string, actor: { userId?: string }, action: AuditAction, data: Prisma.InputJsonObject) {
  return recordAudit(tx, {
    businessId,
    actor: actor.userId ? { userId: actor.userId } : { system: true },
    action,
    target: { type: "subscription", id: businessId, label: "the plan" },
    data,
  });
}

// For owner actions (plan change, cancel, resume): apply the subscription Stripe just returned, at once.
export function applyStripeSubscriptionNow(businessId: string, subscription: Stripe.Subscription, actor: { userId: string }) {
  return prisma.$transaction((tx) => applyStripeSubscription(tx, businessId, subscription, null, actor));
}

// The business an invoice event belongs to, and its subscription re-read from Stripe (null for one-off invoices).
export async function resolveInvoiceContext(invoice: Stripe.Invoice) {
  const subscriptionId = invoiceSubscriptionId(invoice);
  const businessId = await findBusinessForStripe({
    subscriptionId,
    customerId: stripeId(invoice.customer),
    businessId: invoiceBusinessHint(invoice),
  });
  if (!businessId) return null;
  const subscription = subscriptionId ? await retrieveSubscription(subscriptionId) : null;
  return { businessId, subscription };
}

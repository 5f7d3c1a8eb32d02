import { voidOverlappingOwnInvoices } from "@/lib/billing/void-overlapping-invoices";
import { completeOrder } from "@/lib/credits/complete-order";
import { prisma } from "@/lib/db";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { fromStripeTime, stripeId, type Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";
import { recordStripePayment } from "./invoice-record";
import { applyStripeSubscription, findBusinessForStripe, retrieveSubscription } from "./sync-subscription";

// checkout.session.completed: a plan checkout links the customer and subscription to the business; a
// one-off (mode "payment") checkout marks its order paid.
export async function onCheckoutCompleted(event: Stripe.Event): Promise<EventPlan> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode === "payment") return orderPaid(session);
  const subscriptionId = stripeId(session.subscription);
  if (session.mode !== "subscription" || !subscriptionId) return ignored;

  const businessId = await findBusinessForStripe({
    subscriptionId,
    customerId: stripeId(session.customer),
    businessId: session.metadata?.businessId ?? session.client_reference_id,
  });
  if (!businessId) return ignored;
  const subscription = await retrieveSubscription(subscriptionId);
  return {
    status: "processed",
    apply: async (tx) => {
      const outcome = await applyStripeSubscription(tx, businessId, subscription, fromStripeTime(event.created), { fromCheckout: true });
      const item = subscription.items.data[0];
      if (outcome === "applied" && item) {
        await voidOverlappingOwnInvoices(tx, {
          businessId,
          periodStart: fromStripeTime(item.current_period_start)!,
          periodEnd: fromStripeTime(item.current_period_end)!,
          reason: "The period was paid by card (Stripe checkout completed).",
        });
      }
    },
  };
}

async function orderPaid(session: Stripe.Checkout.Session): Promise<EventPlan> {
  const order = await prisma.order.findUnique({ where: { stripeCheckoutSessionId: session.id } });
  if (!order || session.payment_status !== "paid") return ignored;
  const paidAt = new Date();
  return {
    status: "processed",
    apply: async (tx) => {
      await completeOrder(tx, order.id, paidAt);
      const { invoiceId } = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { invoiceId: true } });
      await recordStripePayment(tx, {
        businessId: order.businessId,
        invoiceId,
        externalReference: session.id,
        providerReference: stripeId(session.payment_intent),
        amountCents: session.amount_total ?? order.amountCents,
        currency: session.currency ?? order.currency,
        status: "paid",
        paidAt,
      });
    },
    afterCommit: async () => kickJobs(),
  };
}

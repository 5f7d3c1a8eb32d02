import { prisma } from "@/lib/db";
import type { Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";
import { recordStripePayment } from "./invoice-record";

// payment_intent.payment_failed: for one-off orders (their payment intents carry our orderId) the failed
// attempt is recorded; subscription invoices are handled by invoice.payment_failed.
export async function onPaymentIntentFailed(event: Stripe.Event): Promise<EventPlan> {
  const intent = event.data.object as Stripe.PaymentIntent;
  const orderId = intent.metadata?.orderId;
  if (!orderId) return ignored;
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order?.stripeCheckoutSessionId || order.businessId !== intent.metadata.businessId) return ignored;
  const sessionId = order.stripeCheckoutSessionId;
  return {
    status: "processed",
    apply: (tx) =>
      recordStripePayment(tx, {
        businessId: order.businessId,
        externalReference: sessionId,
        providerReference: intent.id,
        amountCents: intent.amount,
        currency: intent.currency,
        status: "failed",
        failureReason: intent.last_payment_error?.message ?? "The card payment failed.",
      }),
  };
}

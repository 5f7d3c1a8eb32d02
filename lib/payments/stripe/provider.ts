import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import type { CheckoutRequest, CheckoutResult, PaymentProvider, ProviderPaymentStatus } from "../provider";
import { callStripe, isStripeConfigured, type Stripe } from "./client";
import { ensureStripeCustomer } from "./customer";
import { handleStripeWebhook } from "./webhook";

function statusOf(session: Stripe.Checkout.Session): ProviderPaymentStatus {
  if (session.status === "expired") return "expired";
  if (session.status === "complete" && session.payment_status !== "unpaid") return "paid";
  return "pending";
}

// One-off card payments: `reference` is the id of a pending Order of the business.
async function createCheckout(request: CheckoutRequest): Promise<CheckoutResult> {
  const order = await prisma.order.findFirst({ where: { id: request.reference, businessId: request.businessId } });
  if (!order) throw new ApiError("not_found", "That order does not exist.");
  if (order.status !== "pending") throw new ApiError("conflict", `That order is already ${order.status}.`);
  if (order.amountCents !== request.amountCents || order.currency !== request.currency.toUpperCase()) {
    throw new ApiError("validation_failed", "amountCents: does not match the order");
  }
  const customer = await ensureStripeCustomer(request.businessId);
  const metadata = { businessId: request.businessId, orderId: order.id };
  const session = await callStripe((stripe) =>
    stripe.checkout.sessions.create(
      {
        mode: "payment",
        customer,
        client_reference_id: request.businessId,
        line_items: [
          {
            quantity: 1,
            price_data: { currency: order.currency.toLowerCase(), unit_amount: order.amountCents, product_data: { name: request.description } },
          },
        ],
        metadata,
        payment_intent_data: { metadata },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      { idempotencyKey: `tangabiz-order-${order.id}` },
    ),
  );
  await prisma.order.update({ where: { id: order.id }, data: { stripeCheckoutSessionId: session.id } });
  return { providerReference: session.id, status: statusOf(session), redirectUrl: session.url ?? undefined };
}

export const stripeProvider: PaymentProvider = {
  id: "stripe",
  displayName: "Card (Stripe)",
  isConfigured: isStripeConfigured,
  createCheckout,
  handleWebhook: handleStripeWebhook,
  async getStatus(sessionId) {
    return statusOf(await callStripe((stripe) => stripe.checkout.sessions.retrieve(sessionId)));
  },
  async cancel(sessionId) {
    const session = await callStripe((stripe) => stripe.checkout.sessions.retrieve(sessionId));
    if (session.status === "open") await callStripe((stripe) => stripe.checkout.sessions.expire(sessionId));
    await prisma.order.updateMany({ where: { stripeCheckoutSessionId: sessionId, status: "pending" }, data: { status: "canceled" } });
  },
};

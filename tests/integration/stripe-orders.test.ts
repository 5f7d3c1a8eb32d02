import { afterAll, describe, expect, it, vi } from "vitest";
import { createOrder } from "@/lib/billing/orders";
import { prisma } from "@/lib/db";
import { getPaymentProvider } from "@/lib/payments/registry";
import { createBusiness } from "../helpers/fixtures";
import { deliver, deliverAll } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

const stripe = getPaymentProvider("stripe");
const urls = { successUrl: "http://localhost:3000/dashboard?paid=1", cancelUrl: "http://localhost:3000/dashboard" };

describe("one-off card payments through the PaymentProvider interface", () => {
  it("creates a payment-mode checkout for an order and marks the order paid when it completes", async () => {
    const { business } = await createBusiness("Order Shop");
    const order = await createOrder(business.id, { description: "Receipt printer setup", amountCents: 1_500, currency: "usd" });
    const checkout = await stripe.createCheckout({ businessId: business.id, reference: order.id, description: order.description, amountCents: 1_500, currency: "USD", ...urls });
    expect(checkout).toMatchObject({ status: "pending", redirectUrl: `${fake.url}/c/pay/${checkout.providerReference}` });
    expect(fake.sessions.get(checkout.providerReference)).toMatchObject({ mode: "payment", amount_total: 1_500, metadata: { businessId: business.id, orderId: order.id } });
    expect(await stripe.getStatus(checkout.providerReference)).toBe("pending");

    const events = fake.completeCheckout(checkout.providerReference);
    await Promise.all([...events, ...events].map((event) => deliver(event)));
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid", stripeCheckoutSessionId: checkout.providerReference });
    const payments = await prisma.payment.findMany({ where: { businessId: business.id } });
    expect(payments).toMatchObject([{ provider: "stripe", status: "paid", amountCents: 1_500, currency: "USD", externalReference: checkout.providerReference }]);
    expect(await stripe.getStatus(checkout.providerReference)).toBe("paid");
  });

  it("records a failed card attempt, and cancels an open checkout", async () => {
    const { business } = await createBusiness("Declined Shop");
    const order = await createOrder(business.id, { description: "Card reader", amountCents: 8_000, currency: "USD" });
    const checkout = await stripe.createCheckout({ businessId: business.id, reference: order.id, description: order.description, amountCents: 8_000, currency: "USD", ...urls });
    const declined = fake.snapshotEvent("payment_intent.payment_failed", {
      id: "pi_declined_1",
      object: "payment_intent",
      amount: 8_000,
      currency: "usd",
      status: "requires_payment_method",
      last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
      metadata: { businessId: business.id, orderId: order.id },
    });
    await deliverAll([declined, declined]);
    expect(await prisma.payment.findMany({ where: { businessId: business.id } })).toMatchObject([
      { status: "failed", failureReason: "Your card was declined.", providerReference: "pi_declined_1" },
    ]);

    await stripe.cancel(checkout.providerReference);
    expect(fake.sessions.get(checkout.providerReference)!.status).toBe("expired");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("canceled");
    expect(await stripe.getStatus(checkout.providerReference)).toBe("expired");
  });

  it("refuses an order of another business or with another amount", async () => {
    const a = await createBusiness("Order Tenant A");
    const b = await createBusiness("Order Tenant B");
    const order = await createOrder(a.business.id, { description: "Thing", amountCents: 100, currency: "USD" });
    await expect(stripe.createCheckout({ businessId: b.business.id, reference: order.id, description: "x", amountCents: 100, currency: "USD", ...urls })).rejects.toMatchObject({ code: "not_found" });
    await expect(stripe.createCheckout({ businessId: a.business.id, reference: order.id, description: "x", amountCents: 99, currency: "USD", ...urls })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("lists PayPal and M-Pesa as providers that answer 501", async () => {
    for (const id of ["paypal", "mpesa"] as const) {
      const provider = getPaymentProvider(id);
      expect(provider.isConfigured()).toBe(false);
      await expect(provider.getStatus("x")).rejects.toMatchObject({ code: "provider_unavailable", status: 501 });
    }
  });
});

import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { allocateInvoiceNumber } from "@/lib/billing/invoice-number";
import { payUrl } from "@/lib/billing/own-invoices";
import { creditPacks, type CreditPack } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { requirePaynowSettings } from "@/lib/payments/paynow/config";
import { isStripeConfigured } from "@/lib/payments/stripe/client";
import { stripeProvider } from "@/lib/payments/stripe/provider";

export interface TopupInput {
  pack: CreditPack;
  provider: "card" | "mobile_money";
  currency?: "USD" | "ZWG";
}

export type TopupResult =
  | { provider: "card"; orderId: string; sessionId: string; url: string }
  | { provider: "mobile_money"; orderId: string; url: string; invoice: { id: string; number: string; amountCents: number; currency: string; payUrl: string } };

const PAY_WITHIN_DAYS = 7;

// Buying a pack of credits: an Order (pending) and its payment. By card a Stripe Checkout in payment mode
// (checkout.session.completed completes the order); by mobile money an open invoice with a pay link (the
// Paynow settlement completes the order). Either way the credits are granted once, with the order.
export async function createTopup(businessId: string, input: TopupInput, now = new Date()): Promise<TopupResult> {
  const pack = creditPacks[input.pack];
  const currency = input.currency ?? "USD";
  const amountCents = pack.prices[currency];
  const description = `${pack.credits.toLocaleString("en-US")} Tangabiz credits`;
  if (input.provider === "card") return cardTopup(businessId, { description, amountCents, currency, credits: pack.credits });
  requirePaynowSettings();
  const { order, invoice } = await prisma.$transaction(async (tx) => {
    const invoice = await tx.invoice.create({
      data: {
        businessId,
        number: await allocateInvoiceNumber(tx, now),
        provider: "paynow",
        status: "open",
        currency,
        subtotalCents: amountCents,
        totalCents: amountCents,
        amountDueCents: amountCents,
        lines: [{ description, quantity: 1, unitAmountCents: amountCents, amountCents }],
        dueAt: new Date(now.getTime() + PAY_WITHIN_DAYS * 86_400_000),
        issuedAt: now,
        paymentToken: randomBytes(32).toString("base64url"),
      },
    });
    const order = await tx.order.create({
      data: { businessId, description, amountCents, currency, credits: pack.credits, provider: "paynow", invoiceId: invoice.id },
    });
    return { order, invoice };
  });
  const link = payUrl(invoice.paymentToken!);
  return {
    provider: "mobile_money",
    orderId: order.id,
    url: link,
    invoice: { id: invoice.id, number: invoice.number, amountCents, currency, payUrl: link },
  };
}

async function cardTopup(businessId: string, order: { description: string; amountCents: number; currency: string; credits: number }): Promise<TopupResult> {
  if (!isStripeConfigured()) throw new ApiError("provider_not_configured", "Card payments are not configured (STRIPE_SECRET_KEY).");
  const created = await prisma.order.create({ data: { businessId, ...order, provider: "stripe" } });
  const back = new URL("/dashboard/credits", env.APP_URL);
  const checkout = await stripeProvider.createCheckout({
    businessId,
    reference: created.id,
    description: order.description,
    amountCents: order.amountCents,
    currency: order.currency,
    successUrl: `${back}?order=${created.id}`,
    cancelUrl: `${back}?order=${created.id}&canceled=1`,
  });
  if (!checkout.redirectUrl) throw new ApiError("upstream_unavailable", "Stripe did not return a checkout page.");
  return { provider: "card", orderId: created.id, sessionId: checkout.providerReference, url: checkout.redirectUrl };
}

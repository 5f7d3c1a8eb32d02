import Stripe from "stripe";
import { FakeStripe } from "../fakes/stripe-server";

// Test-only Stripe configuration; imported before any app module so lib/env sees it.
export const stripeTest = {
  secretKey: "sk_test_tangabiz_fake_0123456789",
  webhookSecret: "whsec_tangabiz_fake_0123456789",
  priceIds: { basic: "price_test_basic", pro: "price_test_pro", enterprise: "price_test_enterprise" },
};

export const fakePrices = {
  price_test_basic: { unitAmount: 2_999, currency: "usd", productName: "Tangabiz Basic" },
  price_test_pro: { unitAmount: 4_999, currency: "usd", productName: "Tangabiz Pro" },
  price_test_enterprise: { unitAmount: 9_999, currency: "usd", productName: "Tangabiz Enterprise" },
  // Sold once, no longer one of STRIPE_PRICE_ID_*: an event with it must fail loudly, not guess a plan.
  price_test_legacy: { unitAmount: 1_999, currency: "usd", productName: "Legacy" },
};

export async function startFakeStripeForApp(): Promise<FakeStripe> {
  const fake = await FakeStripe.start({ secretKey: stripeTest.secretKey, prices: fakePrices });
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: stripeTest.secretKey,
    STRIPE_WEBHOOK_SECRET: stripeTest.webhookSecret,
    STRIPE_API_BASE: fake.url,
    STRIPE_PRICE_ID_BASIC: stripeTest.priceIds.basic,
    STRIPE_PRICE_ID_PRO: stripeTest.priceIds.pro,
    STRIPE_PRICE_ID_ENTERPRISE: stripeTest.priceIds.enterprise,
  });
  return fake;
}

export function withoutStripeEnv() {
  for (const name of Object.keys(process.env)) if (name.startsWith("STRIPE_")) delete process.env[name];
}

// A webhook delivery as Stripe signs it: `timestamp` in seconds (defaults to now).
export function signedDelivery(event: object, options: { secret?: string; timestamp?: number; payload?: string } = {}) {
  const rawBody = options.payload ?? JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: JSON.stringify(event),
    secret: options.secret ?? stripeTest.webhookSecret,
    timestamp: options.timestamp,
  });
  return { rawBody, headers: { "stripe-signature": signature, "content-type": "application/json" } };
}

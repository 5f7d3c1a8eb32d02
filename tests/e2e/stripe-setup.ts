import { randomBytes } from "node:crypto";
import { FakeStripe } from "../fakes/stripe-server";

// The fake Stripe the end-to-end server talks to; values shared by playwright.config.ts and the specs.
// The webhook secret is made once by the runner and inherited by its workers through the environment.
process.env.E2E_STRIPE_WEBHOOK_SECRET ??= `whsec_e2e_${randomBytes(16).toString("hex")}`;

export const e2eStripe = {
  port: Number(process.env.E2E_STRIPE_PORT ?? 12111),
  secretKey: "sk_test_tangabiz_e2e_fake",
  webhookSecret: process.env.E2E_STRIPE_WEBHOOK_SECRET,
  priceIds: { basic: "price_e2e_basic", pro: "price_e2e_pro", enterprise: "price_e2e_enterprise" },
  get url() {
    return `http://127.0.0.1:${this.port}`;
  },
};

export function e2eStripeEnv(): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: e2eStripe.secretKey,
    STRIPE_WEBHOOK_SECRET: e2eStripe.webhookSecret,
    STRIPE_API_BASE: e2eStripe.url,
    STRIPE_PRICE_ID_BASIC: e2eStripe.priceIds.basic,
    STRIPE_PRICE_ID_PRO: e2eStripe.priceIds.pro,
    STRIPE_PRICE_ID_ENTERPRISE: e2eStripe.priceIds.enterprise,
  };
}

// Playwright globalSetup: start the fake for the whole run; the returned function stops it.
export default async function startFakeStripe() {
  const fake = await FakeStripe.start({
    secretKey: e2eStripe.secretKey,
    port: e2eStripe.port,
    prices: {
      [e2eStripe.priceIds.basic]: { unitAmount: 2_999, currency: "usd", productName: "Tangabiz Basic" },
      [e2eStripe.priceIds.pro]: { unitAmount: 4_999, currency: "usd", productName: "Tangabiz Pro" },
      [e2eStripe.priceIds.enterprise]: { unitAmount: 9_999, currency: "usd", productName: "Tangabiz Enterprise" },
    },
  });
  return () => fake.close();
}

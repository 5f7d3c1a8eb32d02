import { describe, expect, it, vi } from "vitest";
import * as invoices from "@/app/api/billing/invoices/route";
import * as portal from "@/app/api/billing/portal/route";
import * as subscription from "@/app/api/billing/subscription/route";
import * as usage from "@/app/api/billing/usage/route";
import * as webhook from "@/app/api/webhooks/stripe/route";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { signedDelivery } from "../helpers/stripe";
import { startCheckout } from "../helpers/stripe-app";

await vi.hoisted(async () => (await import("../helpers/stripe")).withoutStripeEnv());

describe("card billing without STRIPE_SECRET_KEY", () => {
  it("answers 503 provider_not_configured for every Stripe action, still shows plan and invoices", async () => {
    const { owner } = await createBusiness("Unconfigured Shop");
    const responses = [
      await startCheckout(owner.cookie, { plan: "pro" }),
      await call(portal.POST, "/api/billing/portal", { method: "POST", cookie: owner.cookie }),
      await call(subscription.DELETE, "/api/billing/subscription", { method: "DELETE", cookie: owner.cookie }),
      await call(webhook.POST, "/api/webhooks/stripe", signedDelivery({ id: "evt_1", object: "event", type: "invoice.paid" })),
    ];
    for (const res of responses) {
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe("provider_not_configured");
      expect(res.json.error.message).toMatch(/not configured/);
    }
    expect((await startCheckout(owner.cookie, { plan: "pro", provider: "paypal" })).status).toBe(501);
    expect((await call(usage.GET, "/api/billing/usage", { cookie: owner.cookie })).json.plan).toBe("free");
    expect((await call(invoices.GET, "/api/billing/invoices", { cookie: owner.cookie })).json.invoices).toEqual([]);
  });
});

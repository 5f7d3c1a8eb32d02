import { afterAll, describe, expect, it, vi } from "vitest";
import * as usage from "@/app/api/billing/usage/route";
import { prisma } from "@/lib/db";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { startCheckout, subscribe } from "../helpers/stripe-app";
import { stripeTest } from "../helpers/stripe";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

const customersOf = (businessId: string) => [...fake.customers.values()].filter((c) => c.metadata.businessId === businessId);

describe("POST /api/billing/checkout-session", () => {
  it("creates one Stripe customer per business and a session that carries the business id", async () => {
    const { owner, business } = await createBusiness("Checkout Shop");
    const first = await startCheckout(owner.cookie, { plan: "pro" });
    expect(first.status).toBe(200);
    expect(first.json.url).toBe(`${fake.url}/c/pay/${first.json.sessionId}`);

    const session = fake.sessions.get(first.json.sessionId)!;
    const { externalCustomerId } = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(session).toMatchObject({
      mode: "subscription",
      customer: externalCustomerId,
      client_reference_id: business.id,
      metadata: { businessId: business.id, plan: "pro" },
      _subscriptionMetadata: { businessId: business.id },
      _price: stripeTest.priceIds.pro,
      success_url: "http://localhost:3000/dashboard/billing?checkout=success&plan=pro&session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/dashboard/billing?checkout=canceled",
    });
    const creation = fake.requests.find((r) => r.path === "/v1/checkout/sessions" && r.body.client_reference_id === business.id);
    expect(creation?.idempotencyKey).toMatch(new RegExp(`^tangabiz-checkout-${business.id}-`));

    const second = await startCheckout(owner.cookie, { plan: "basic" });
    expect(fake.sessions.get(second.json.sessionId)!.customer).toBe(externalCustomerId);
    expect(customersOf(business.id)).toHaveLength(1);
  });

  it("keeps one customer when first checkouts race", async () => {
    const { owner, business } = await createBusiness("Racing Shop");
    const results = await Promise.all(Array.from({ length: 5 }, () => startCheckout(owner.cookie, { plan: "basic" })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(customersOf(business.id)).toHaveLength(1);
    const customers = new Set(results.map((r) => fake.sessions.get(r.json.sessionId)!.customer));
    expect([...customers]).toEqual([customersOf(business.id)[0].id]);
  });

  it("returns the same session for a repeated Idempotency-Key and refuses the key for another request", async () => {
    const { owner } = await createBusiness("Idempotent Shop");
    const headers = { "idempotency-key": "upgrade-click-0001" };
    const a = await startCheckout(owner.cookie, { plan: "pro" }, headers);
    const b = await startCheckout(owner.cookie, { plan: "pro" }, headers);
    expect(b.json.sessionId).toBe(a.json.sessionId);
    const c = await startCheckout(owner.cookie, { plan: "enterprise" }, headers);
    expect(c.status).toBe(409);
    expect(c.json.error.code).toBe("idempotency_conflict");
    const bad = await startCheckout(owner.cookie, { plan: "pro" }, { "idempotency-key": "x" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("Idempotency-Key");
  });

  it("accepts only same-origin redirect URLs", async () => {
    const { owner } = await createBusiness("Redirect Shop");
    for (const successUrl of ["https://evil.example/phish", "//evil.example/x", "javascript:alert(1)", "http://localhost:3001/dashboard"]) {
      const res = await startCheckout(owner.cookie, { plan: "pro", successUrl });
      expect(res.status, successUrl).toBe(422);
      expect(res.json.error.message).toContain("successUrl");
    }
    const evilCancel = await startCheckout(owner.cookie, { plan: "pro", cancelUrl: "https://evil.example" });
    expect(evilCancel.json.error.message).toContain("cancelUrl");

    const ok = await startCheckout(owner.cookie, {
      plan: "pro",
      successUrl: "/dashboard/billing?paid=1&session={CHECKOUT_SESSION_ID}",
      cancelUrl: "http://localhost:3000/dashboard/billing?back=1",
    });
    expect(ok.status).toBe(200);
    expect(fake.sessions.get(ok.json.sessionId)).toMatchObject({
      success_url: "http://localhost:3000/dashboard/billing?paid=1&session={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/dashboard/billing?back=1",
    });
  });

  it("rejects bad input with 4xx naming the field", async () => {
    const { owner } = await createBusiness("Bad Input Shop");
    const free = await startCheckout(owner.cookie, { plan: "free" });
    expect(free.status).toBe(422);
    expect(free.json.error.message).toMatch(/^plan: /);
    expect((await startCheckout(owner.cookie, {})).json.error.message).toMatch(/^plan: /);
    expect((await startCheckout(owner.cookie, { plan: "pro", successUrl: 42 })).json.error.message).toMatch(/^successUrl: /);
    const { POST } = await import("@/app/api/billing/checkout-session/route");
    const malformed = await call(POST, "/api/billing/checkout-session", { cookie: owner.cookie, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("invalid_json");
  });

  it("answers 501 for providers that are not available yet", async () => {
    const { owner, business } = await createBusiness("PayPal Shop");
    for (const provider of ["paypal", "mpesa"]) {
      const res = await startCheckout(owner.cookie, { plan: "pro", provider });
      expect(res.status).toBe(501);
      expect(res.json.error).toMatchObject({ code: "provider_unavailable" });
      expect(res.json.error.message).toMatch(/not available yet/);
    }
    expect(customersOf(business.id)).toHaveLength(0);
  });

  it("moves the plan when the checkout completes and Stripe's events arrive", async () => {
    const { owner, business } = await createBusiness("Upgrade Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "pro");
    const row = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    const item = fake.subscriptions.get(subscriptionId)!.items.data[0];
    expect(row).toMatchObject({
      plan: "pro",
      status: "active",
      provider: "stripe",
      externalSubscriptionId: subscriptionId,
      externalPriceId: stripeTest.priceIds.pro,
      cancelAtPeriodEnd: false,
      currentPeriodStart: new Date(item.current_period_start * 1000),
      currentPeriodEnd: new Date(item.current_period_end * 1000),
    });
    const res = await call(usage.GET, "/api/billing/usage", { cookie: owner.cookie });
    expect(res.json).toMatchObject({ plan: "pro", status: "active", limits: { apiKeys: 10, terminals: 10, transactionsPerMonth: 100_000, creditsPerMonth: 2_500 } });
    const ignored = await prisma.webhookEvent.findMany({ where: { provider: "stripe", type: "invoice.finalized", payload: { path: ["data", "object", "customer"], equals: row.externalCustomerId! } } });
    expect(ignored.map((e) => e.status)).toEqual(["ignored"]);
  });

  it("changes the plan of an existing subscription instead of starting a second one", async () => {
    const { owner, business } = await createBusiness("Plan Change Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const sessionsBefore = fake.sessions.size;

    const res = await startCheckout(owner.cookie, { plan: "enterprise" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sessionId: null, url: null, updated: true, plan: "enterprise" });
    expect(fake.sessions.size).toBe(sessionsBefore);
    const subscription = fake.subscriptions.get(subscriptionId)!;
    expect(subscription.items.data.map((i: { price: { id: string } }) => i.price.id)).toEqual([stripeTest.priceIds.enterprise]);
    expect(fake.lastProration).toBe("create_prorations");
    const customerId = subscription.customer;
    expect([...fake.subscriptions.values()].filter((s) => s.customer === customerId)).toHaveLength(1);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({ plan: "enterprise", externalSubscriptionId: subscriptionId });
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "billing.plan_changed" } })).toBe(2);

    const again = await startCheckout(owner.cookie, { plan: "enterprise" });
    expect(again.status).toBe(409);
  });

  it("answers 502 and stores nothing when Stripe is down", async () => {
    const { owner, business } = await createBusiness("Outage Shop");
    fake.down = true;
    try {
      const res = await startCheckout(owner.cookie, { plan: "pro" });
      expect(res.status).toBe(502);
      expect(res.json.error.code).toBe("upstream_unavailable");
    } finally {
      fake.down = false;
    }
    expect((await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).externalCustomerId).toBeNull();
  });
});

import { describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/webhooks/shopify/route";
import { prisma } from "@/lib/db";
import { FakeShopify } from "../fakes/shopify";
import { call } from "../helpers/http";
import { creditInvariants, creditsBusiness, getCredits } from "../helpers/credits";

// Set before lib/env loads (vi.hoisted runs ahead of the imports).
const SECRET = vi.hoisted(() => {
  const secret = "shpss_test_secret_0123456789";
  Object.assign(process.env, {
    SHOPIFY_WEBHOOK_SECRET: secret,
    SHOPIFY_SELLING_PLAN_CREDITS: JSON.stringify({ "690001": 1_000, "690002": 2_500 }),
    SHOPIFY_TOPUP_SKUS: JSON.stringify({ "TB-CREDITS-1000": 1_000, "TB-CREDITS-2000": 2_000 }),
  });
  return secret;
});

const shopify = new FakeShopify(SECRET);
type Handler = Parameters<typeof call>[0];
const post = (delivery: { rawBody: string; headers: Record<string, string> }) =>
  call(route.POST as Handler, "/api/webhooks/shopify", { rawBody: delivery.rawBody, headers: delivery.headers, method: "POST" });

describe("POST /api/webhooks/shopify", () => {
  it("refuses a bad, missing or foreign signature with 401 and writes nothing", async () => {
    const { owner, business } = await creditsBusiness("Signature Shop");
    const shopify = new FakeShopify(SECRET, "signature-cases.myshopify.com");
    const payload = shopify.order({ email: owner.email, lines: [{ sku: "TB-CREDITS-1000" }] });
    const good = shopify.delivery("orders/paid", payload);
    const cases = [
      { ...good, headers: { ...good.headers, "x-shopify-hmac-sha256": "" } },
      { ...good, headers: Object.fromEntries(Object.entries(good.headers).filter(([k]) => k !== "x-shopify-hmac-sha256")) },
      shopify.delivery("orders/paid", payload, { secret: "another-secret-0123456789" }),
      { ...good, rawBody: good.rawBody.replace('"quantity":1', '"quantity":9') },
      { ...good, headers: { ...good.headers, "x-shopify-hmac-sha256": "not base64 at all!!" } },
      { ...good, headers: { ...good.headers, "x-shopify-hmac-sha256": Buffer.alloc(31).toString("base64") } },
    ];
    for (const delivery of cases) {
      const res = await post(delivery);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("invalid_signature");
    }
    expect(await prisma.shopifyDelivery.count({ where: { shopDomain: shopify.shopDomain } })).toBe(0);
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("the same delivery ten times at once grants once, and the customer is linked to the business", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Dedupe Shop");
    const payload = shopify.order({ email: owner.email.toUpperCase(), customerId: 7_001, lines: [{ sku: "TB-CREDITS-2000", quantity: 2 }] });
    const delivery = shopify.delivery("orders/paid", payload, { webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" });
    const results = await Promise.all(Array.from({ length: 10 }, () => post(delivery)));
    expect(results.filter((r) => r.status === 200 && r.json.status === "processed")).toHaveLength(1);
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect((await post(delivery)).json).toMatchObject({ status: "duplicate" });

    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 4_000, buckets: { topup: { balance: 4_000 } } });
    const [row] = await prisma.shopifyDelivery.findMany({ where: { webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" } });
    expect(row).toMatchObject({ status: "processed", businessId: business.id, creditsGranted: 4_000, topic: "orders/paid", shopDomain: shopify.shopDomain, shopifyOrderId: String(payload.id) });
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).shopifyCustomerId).toBe("7001");

    // Another delivery (new webhook id) of the same order adds nothing; a later order by the linked customer id matches without the email.
    expect((await post(shopify.delivery("orders/paid", payload))).json.status).toBe("processed");
    const later = shopify.order({ email: "someone-else@example.test", customerId: 7_001, lines: [{ sku: "TB-CREDITS-1000" }] });
    expect((await post(shopify.delivery("orders/paid", later))).json).toMatchObject({ status: "processed", credits: 1_000 });
    expect((await getCredits(apiKey)).json.balance).toBe(5_000);
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("a selling plan grants its monthly credits as a plan period, once per order", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Selling Plan Shop");
    await prisma.business.update({ where: { id: business.id }, data: { contactEmail: "billing@selling-plan.test" } });
    const payload = shopify.order({
      email: "billing@selling-plan.test",
      lines: [{ sellingPlanId: 690002, sku: "TB-SUB-PRO" }, { sellingPlanId: 690002 }, { sku: "TB-CREDITS-1000" }],
    });
    expect((await post(shopify.delivery("orders/paid", payload))).json).toMatchObject({ status: "processed", credits: 3_500 });
    expect((await post(shopify.delivery("orders/paid", payload))).json).toMatchObject({ status: "processed" });
    const credits = await getCredits(apiKey);
    expect(credits.json).toMatchObject({ balance: 3_500, buckets: { plan: { balance: 2_500 }, topup: { balance: 1_000 } }, cycle: { start: payload.processed_at } });
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id, kind: "plan_grant" } })).toBe(1);
    expect(owner.email).not.toBe("billing@selling-plan.test");
  });

  it("unknown customer, unknown SKU or selling plan: recorded failed with the reason, answered 200, nothing granted", async () => {
    const { owner, business } = await creditsBusiness("Mapping Shop");
    const shopify = new FakeShopify(SECRET, "mapping-cases.myshopify.com");
    const cases = [
      { payload: shopify.order({ email: "nobody@example.test", lines: [{ sku: "TB-CREDITS-1000" }] }), reason: /No business has the billing or owner email/ },
      { payload: shopify.order({ email: owner.email, lines: [{ sku: "TB-CREDITS-1000" }, { sku: "MUG-42" }] }), reason: /SKU "MUG-42"/ },
      { payload: shopify.order({ email: owner.email, lines: [{ sellingPlanId: 999 }] }), reason: /Selling plan 999/ },
      { payload: { id: "x", line_items: "nope" }, reason: /not a Shopify order/ },
    ];
    for (const { payload, reason } of cases) {
      const res = await post(shopify.delivery("orders/paid", payload));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "failed", error: expect.stringMatching(reason) });
    }
    expect(await prisma.shopifyDelivery.count({ where: { status: "failed", shopDomain: shopify.shopDomain } })).toBe(4);
    expect(await prisma.shopifyDelivery.count({ where: { status: "failed", businessId: business.id } })).toBe(2);
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id } })).toBe(0);
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).shopifyCustomerId).toBeNull();

    const other = await post(shopify.delivery("orders/create", { id: 1 }));
    expect(other.json).toMatchObject({ status: "ignored" });
    const noId = shopify.delivery("orders/paid", { id: 1, line_items: [] });
    delete noId.headers["x-shopify-webhook-id"];
    const missing = await post(noId);
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe("validation_failed");
  });

  it("a body over 1 MiB is refused before anything is read further", async () => {
    const big = shopify.delivery("orders/paid", { id: 1, pad: "x".repeat(1024 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect(await prisma.shopifyDelivery.count({ where: { topic: "orders/paid", shopifyOrderId: "1" } })).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import * as config from "@/app/api/business/pos-config/route";
import * as terminalsRoute from "@/app/api/business/terminals/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as heartbeat from "@/app/api/pos/heartbeat/route";
import * as posConfig from "@/app/api/pos/config/route";
import * as status from "@/app/api/pos/status/route";
import * as transactions from "@/app/api/pos/transactions/route";
import * as me from "@/app/api/v1/me/route";
import * as usage from "@/app/api/v1/usage/route";
import { prisma } from "@/lib/db";
import { monthPeriod } from "@/lib/usage/period";
import { flushUsageEvents } from "@/lib/usage/usage-buffer";
import { setSubscription, withKey } from "../helpers/api-key";
import { addMember, createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";

const sale = (reference: string, amount = 1250) => ({ amount, currency: "USD", type: "sale", reference });

describe("POST /api/pos/transactions", () => {
  it("records a transaction and answers duplicates with the original event, also when 20 arrive at once", async () => {
    const { business, apiKey } = await createBusiness("Till Shop");
    const first = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: { ...sale("R-1"), terminalId: "till-1", metadata: { cashier: "Rudo" } } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ success: true, eventId: expect.any(String) });
    const again = await withKey(transactions.POST, "/api/pos/transactions", apiKey, {
      body: { metadata: { cashier: "Rudo" }, terminalId: "till-1", ...sale("R-1") },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ success: true, eventId: first.json.eventId, duplicate: true });

    const burst = await Promise.all(Array.from({ length: 20 }, () => withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale("R-2") })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(burst.map((r) => r.json.eventId)).size).toBe(1);

    expect(await prisma.usageEvent.count({ where: { businessId: business.id, eventType: "pos.transaction" } })).toBe(2);
    const counter = await prisma.usageCounter.findUniqueOrThrow({
      where: { businessId_metric_period: { businessId: business.id, metric: "pos.transaction", period: monthPeriod() } },
    });
    expect(counter.count).toBe(2);
    const stored = await prisma.usageEvent.findUniqueOrThrow({ where: { id: first.json.eventId } });
    expect(stored).toMatchObject({ amountCents: 1250n, currency: "USD", transactionType: "sale", terminalId: "till-1", reference: "R-1" });
  });

  it("stops at the plan's monthly transactions with 402, exactly, under concurrency", async () => {
    const { business, apiKey } = await createBusiness("Full Shop");
    await prisma.usageCounter.create({ data: { businessId: business.id, metric: "pos.transaction", period: monthPeriod(), count: 495 } });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale(`L-${i}`) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.status === 402);
    expect(refused).toHaveLength(7);
    expect(refused[0].json.error).toMatchObject({ code: "plan_limit_reached", message: expect.stringContaining("500 transactions a month") });
    expect(await prisma.usageEvent.count({ where: { businessId: business.id, eventType: "pos.transaction" } })).toBe(5);

    await setSubscription(business.id, { plan: "enterprise" });
    expect((await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale("L-unlimited") })).status).toBe(201);
  });

  it("rejects malformed JSON and wrong types naming the field, and writes nothing", async () => {
    const { business, apiKey } = await createBusiness("Bad Till");
    const malformed = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { rawBody: "{amount:", headers: { "content-type": "application/json" } });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, "invalid_json"]);
    const cases: [object, string][] = [
      [{ ...sale("a"), amount: 12.5 }, "amount"],
      [{ ...sale("a"), amount: -5 }, "amount"],
      [{ ...sale("a"), amount: "1250" }, "amount"],
      [{ ...sale("a"), currency: "usd" }, "currency"],
      [{ ...sale("a"), currency: "XYZ" }, "currency"],
      [{ ...sale("a"), type: "gift" }, "type"],
      [{ ...sale(""), reference: "" }, "reference"],
      [{ ...sale("a"), occurredAt: "yesterday" }, "occurredAt"],
      [{ ...sale("a"), surprise: true }, "surprise"],
      [{ ...sale("nul\u0000ref") }, "NUL"],
      [{ ...sale("a"), metadata: { note: "x\u0000" } }, "NUL"],
    ];
    for (const [body, field] of cases) {
      const res = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body });
      expect(res.status, field).toBe(422);
      expect(res.json.error.message).toContain(field);
    }
    expect(await prisma.usageEvent.count({ where: { businessId: business.id } })).toBe(0);
  });
});

describe("heartbeat, config, status, me, usage", () => {
  it("records terminals within the plan's terminal limit", async () => {
    const { owner, apiKey } = await createBusiness("Beat Shop");
    const beat = await withKey(heartbeat.POST, "/api/pos/heartbeat", apiKey, { body: { terminalId: "till-1" } });
    expect(beat.status).toBe(200);
    expect(beat.json).toEqual({ success: true, timestamp: expect.any(String) });
    expect((await withKey(heartbeat.POST, "/api/pos/heartbeat", apiKey, { body: { terminalId: "till-1" } })).status).toBe(200);
    const second = await withKey(heartbeat.POST, "/api/pos/heartbeat", apiKey, { body: { terminalId: "till-2" } });
    expect([second.status, second.json.error.code]).toEqual([403, "plan_limit_reached"]);
    expect((await withKey(heartbeat.POST, "/api/pos/heartbeat", apiKey, { body: {} })).status).toBe(200);

    const list = await call(terminalsRoute.GET, "/api/business/terminals", { cookie: owner.cookie });
    expect(list.json.terminals).toEqual([{ terminalId: "till-1", lastSeenAt: expect.any(String), online: true }]);
  });

  it("serves the terminal settings the owner edits; staff cannot edit them", async () => {
    const { owner, business, apiKey } = await createBusiness("Config Shop");
    const defaults = await withKey(posConfig.GET, "/api/pos/config", apiKey);
    expect(defaults.json).toMatchObject({ config: { currency: "USD", taxRatePercent: 15 }, lastUpdated: null });

    const next = { currency: "ZWG", receiptHeader: "Config Shop, Harare", receiptFooter: "Siyabonga", taxRatePercent: 15, pricesIncludeTax: true, allowRefunds: false };
    const saved = await call(config.PUT, "/api/business/pos-config", { method: "PUT", cookie: owner.cookie, body: next });
    expect(saved.status).toBe(200);
    const served = await withKey(posConfig.GET, "/api/pos/config", apiKey);
    expect(served.json).toEqual({ config: next, lastUpdated: expect.any(String) });

    const staff = await addMember(owner.cookie, business.id, "staff");
    expect((await call(config.PUT, "/api/business/pos-config", { method: "PUT", cookie: staff.cookie, body: next })).status).toBe(403);
    const bad = await call(config.PUT, "/api/business/pos-config", { method: "PUT", cookie: owner.cookie, body: { ...next, taxRatePercent: 150 } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("taxRatePercent");
  });

  it("reports who the key is and usage per event type and per currency", async () => {
    const { business, apiKey } = await createBusiness("Usage Shop");
    const who = await withKey(me.GET, "/api/v1/me", apiKey);
    expect(who.json).toEqual({
      business: { id: business.id, name: "Usage Shop" },
      apiKey: { prefix: apiKey.slice(0, 12), scopes: ["pos:read", "pos:write", "usage:read"], environment: "live" },
      plan: "free",
      billingStatus: "active",
    });
    await withKey(status.GET, "/api/pos/status", apiKey);
    await withKey(status.GET, "/api/pos/status", apiKey);
    await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale("U-1", 1000) });
    await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale("U-2", 500) });
    await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: { ...sale("U-3", 200), type: "refund" } });
    await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: { ...sale("U-4", 7000), currency: "ZWG" } });
    await flushUsageEvents();

    const res = await withKey(usage.GET, "/api/v1/usage", apiKey);
    expect(res.status).toBe(200);
    expect(res.json.events).toEqual(
      expect.arrayContaining([
        { eventType: "pos.status", count: 2, totalQuantity: 2 },
        { eventType: "pos.transaction", count: 4, totalQuantity: 4 },
        { eventType: "v1.me", count: 1, totalQuantity: 1 },
      ]),
    );
    expect(res.json.transactions).toEqual([
      { currency: "USD", type: "refund", count: 1, totalAmount: 200 },
      { currency: "USD", type: "sale", count: 2, totalAmount: 1500 },
      { currency: "ZWG", type: "sale", count: 1, totalAmount: 7000 },
    ]);
    const bad = await withKey(usage.GET, "/api/v1/usage?from=2026-02-30&to=x", apiKey);
    expect(bad.status).toBe(422);
    const reversed = await withKey(usage.GET, "/api/v1/usage?from=2026-06-01&to=2026-01-01", apiKey);
    expect(reversed.status).toBe(422);
  });
});

describe("scopes on every route", () => {
  it("refuses a key without the route's scope", async () => {
    const { owner, business } = await createBusiness("Scope Shop");
    await setSubscription(business.id, { plan: "pro" });
    const make = async (scopes: string[]) =>
      (await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: scopes.join("+"), scopes } })).json.key as string;
    const readOnly = await make(["pos:read"]);
    const writeOnly = await make(["pos:write"]);
    const creditsOnly = await make(["credits:read"]);

    expect((await withKey(transactions.POST, "/api/pos/transactions", readOnly, { body: sale("S-1") })).status).toBe(403);
    expect((await withKey(transactions.POST, "/api/pos/transactions", writeOnly, { body: sale("S-1") })).status).toBe(201);
    expect((await withKey(status.GET, "/api/pos/status", writeOnly)).status).toBe(403);
    expect((await withKey(posConfig.GET, "/api/pos/config", writeOnly)).status).toBe(403);
    expect((await withKey(heartbeat.POST, "/api/pos/heartbeat", writeOnly, { body: {} })).status).toBe(200);
    expect((await withKey(heartbeat.POST, "/api/pos/heartbeat", creditsOnly, { body: {} })).status).toBe(403);
    expect((await withKey(usage.GET, "/api/v1/usage", readOnly)).status).toBe(403);
    expect((await withKey(me.GET, "/api/v1/me", creditsOnly)).status).toBe(200);
  });
});

describe("tenancy", () => {
  it("a key of A never sees or counts B's data", async () => {
    const a = await createBusiness("Tenant POS A");
    const b = await createBusiness("Tenant POS B");
    await withKey(transactions.POST, "/api/pos/transactions", b.apiKey, { body: sale("SAME-REF", 800) });
    const mine = await withKey(transactions.POST, "/api/pos/transactions", a.apiKey, { body: sale("SAME-REF", 300) });
    expect(mine.status).toBe(201);
    const usageA = await withKey(usage.GET, "/api/v1/usage", a.apiKey);
    expect(usageA.json.transactions).toEqual([{ currency: "USD", type: "sale", count: 1, totalAmount: 300 }]);
    const meA = await withKey(me.GET, "/api/v1/me", a.apiKey);
    expect(meA.json.business.id).toBe(a.business.id);
  });
});

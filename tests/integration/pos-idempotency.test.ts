import { describe, expect, it } from "vitest";
import * as transactions from "@/app/api/pos/transactions/route";
import { prisma } from "@/lib/db";
import { withKey } from "../helpers/api-key";
import { createBusiness } from "../helpers/fixtures";

const post = (key: string, body: object) => withKey(transactions.POST, "/api/pos/transactions", key, { body });

describe("POST /api/pos/transactions: one reference, one request", () => {
  it("the same request again is a 200 duplicate (key order and time zone notation do not matter)", async () => {
    const { apiKey } = await createBusiness("Retry Shop");
    const first = await post(apiKey, { reference: "S-1", amount: 1500, currency: "USD", type: "sale", occurredAt: "2026-11-28T10:00:00+02:00", metadata: { a: 1, b: { c: 2, d: 3 } } });
    expect(first.status).toBe(201);
    const retry = await post(apiKey, { metadata: { b: { d: 3, c: 2 }, a: 1 }, type: "sale", currency: "USD", amount: 1500, reference: "S-1", occurredAt: "2026-11-28T08:00:00Z" });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ success: true, eventId: first.json.eventId, duplicate: true });
  });

  it("a different request under a used reference is a 409 idempotency_conflict naming the reference, and changes nothing", async () => {
    const { business, apiKey } = await createBusiness("Conflict Shop");
    const first = await post(apiKey, { reference: "S-2", amount: 1500, currency: "USD", type: "sale" });
    expect(first.status).toBe(201);
    for (const changed of [
      { reference: "S-2", amount: 9999, currency: "USD", type: "sale" },
      { reference: "S-2", amount: 1500, currency: "USD", type: "refund" },
      { reference: "S-2", amount: 1500, currency: "USD", type: "sale", metadata: { cashier: "Tino" } },
    ]) {
      const res = await post(apiKey, changed);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("idempotency_conflict");
      expect(res.json.error.message).toContain('reference "S-2" was already used for a different transaction');
    }
    const stored = await prisma.usageEvent.findMany({ where: { businessId: business.id, reference: "S-2" } });
    expect(stored).toHaveLength(1);
    expect(stored[0].amountCents).toBe(1500n);
  });

  it("two different requests with one reference in the same batch: one 201, one 409", async () => {
    const { business, apiKey } = await createBusiness("Batch Conflict Shop");
    const results = await Promise.all([
      post(apiKey, { reference: "S-3", amount: 100, currency: "USD", type: "sale" }),
      post(apiKey, { reference: "S-3", amount: 200, currency: "USD", type: "sale" }),
      post(apiKey, { reference: "S-3", amount: 100, currency: "USD", type: "sale" }),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!;
    const winnerAmount = winner === results[1] ? 200 : 100;
    expect(statuses.filter((s) => s === 409)).toHaveLength(winnerAmount === 200 ? 2 : 1);
    expect(await prisma.usageEvent.count({ where: { businessId: business.id, reference: "S-3" } })).toBe(1);
    expect((await prisma.usageEvent.findFirstOrThrow({ where: { businessId: business.id, reference: "S-3" } })).amountCents).toBe(BigInt(winnerAmount));
  });
});

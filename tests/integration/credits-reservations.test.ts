import { describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/cron/credits-audit/route";
import * as expireRoute from "@/app/api/cron/expire-reservations/route";
import { writeReservations } from "@/lib/credits/write-reservations";
import { prisma } from "@/lib/db";
import { forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import { call } from "../helpers/http";
import {
  addPlanCredits,
  addTopupCredits,
  cancelJob,
  completeJob,
  creditInvariants,
  creditsBusiness,
  getCredits,
  getJob,
  reserveJob,
} from "../helpers/credits";

const cron = (handler: Parameters<typeof call>[0], path: string) =>
  call(handler, path, { headers: { authorization: "Bearer test-cron-secret-0123456789" } });
const day = 86_400_000;

describe("credit reservations", () => {
  it("1,000 concurrent 1-credit reservations against 500: exactly 500 granted, 500 × 402", async () => {
    const { business, apiKey } = await creditsBusiness("Hot Balance");
    await addTopupCredits(business.id, 500);
    const results = await Promise.all(Array.from({ length: 1_000 }, () => reserveJob(apiKey, { requestedSeconds: 5 })));
    const granted = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 402);
    expect(granted).toHaveLength(500);
    expect(refused).toHaveLength(500);
    expect(refused[0].json).toMatchObject({ error: { code: "insufficient_credits" }, needed: 1, current: 0 });
    expect(new Set(granted.map((r) => r.json.taskId)).size).toBe(500);
    const credits = await getCredits(apiKey);
    expect(credits.json).toMatchObject({ balance: 500, reserved: 500, available: 0 });
    expect(await prisma.creditReservation.count({ where: { businessId: business.id } })).toBe(500);
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  // 300 rather than 1,000: each is its own transaction, and the pool (20 connections, 3 s to get one) sheds
  // waits longer than that with 503s by design; the route above shows 1,000 at once through group commit.
  it("300 concurrent one-row transactions (no batching) against 150: the conditional UPDATE admits exactly 150", async () => {
    const { business, apiKeyId } = await creditsBusiness("Row Race");
    await addTopupCredits(business.id, 150);
    const request = { businessId: business.id, apiKeyId, credits: 1, requestedSeconds: 5, ttlSeconds: 3_600, idempotencyKey: null };
    const outcomes = (await Promise.all(Array.from({ length: 300 }, () => writeReservations([request])))).flat();
    expect(outcomes.filter((o) => o.outcome === "reserved")).toHaveLength(150);
    expect(outcomes.filter((o) => o.outcome === "insufficient")).toHaveLength(150);
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("20 simultaneous reservations of 75 against 500 → exactly 6 granted (Stigg's case)", async () => {
    const { business, apiKey } = await creditsBusiness("Stigg Case");
    await addTopupCredits(business.id, 500);
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveJob(apiKey, { requestedSeconds: 375 })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(6);
    expect(results.filter((r) => r.status === 402)).toHaveLength(14);
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 500, reserved: 450, available: 50 });
  });

  it("reserves plan credits first, settles ceil(actual / 5) and refunds the rest, once", async () => {
    const { business, apiKey } = await creditsBusiness("Settle Shop");
    const now = new Date();
    await addPlanCredits(business.id, 10, new Date(now.getTime() - day), new Date(now.getTime() + 20 * day));
    await addTopupCredits(business.id, 100);
    const job = await reserveJob(apiKey, { requestedSeconds: 61 });
    expect(job.status).toBe(201);
    expect(job.json.reservedCredits).toBe(13);
    const hold = await prisma.creditReservation.findUniqueOrThrow({ where: { id: job.json.taskId } });
    expect(hold).toMatchObject({ planCredits: 10, topupCredits: 3 });
    expect((await getCredits(apiKey)).json).toMatchObject({
      balance: 110,
      available: 97,
      reserved: 13,
      buckets: { plan: { balance: 10, reserved: 10, available: 0 }, topup: { balance: 100, reserved: 3, available: 97 } },
    });

    const done = await completeJob(apiKey, job.json.taskId, 52);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: "settled", reserved: 13, used: 11, refunded: 2, actualSeconds: 52 });
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 99, reserved: 0, buckets: { plan: { balance: 0 }, topup: { balance: 99 } } });

    const again = await completeJob(apiKey, job.json.taskId, 5);
    const cancel = await cancelJob(apiKey, job.json.taskId);
    expect(again.json).toMatchObject({ status: "settled", used: 11 });
    expect(cancel.json).toMatchObject({ status: "settled", used: 11 });
    expect(await prisma.creditLedgerEntry.count({ where: { reservationId: job.json.taskId } })).toBe(2);
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("caps the charge at the hold; cancel releases everything; complete and cancel racing move it once", async () => {
    const { business, apiKey } = await creditsBusiness("Cap Shop");
    await addTopupCredits(business.id, 50);
    const job = await reserveJob(apiKey, { requestedSeconds: 10 });
    expect((await completeJob(apiKey, job.json.taskId, 1_000)).json).toMatchObject({ status: "settled", used: 2, refunded: 0 });

    const second = await reserveJob(apiKey, { requestedSeconds: 20 });
    expect((await cancelJob(apiKey, second.json.taskId)).json).toMatchObject({ status: "released", used: 0, refunded: 4 });

    const raced = await reserveJob(apiKey, { requestedSeconds: 25 });
    const outcomes = await Promise.all([
      ...Array.from({ length: 5 }, () => completeJob(apiKey, raced.json.taskId, 10)),
      ...Array.from({ length: 5 }, () => cancelJob(apiKey, raced.json.taskId)),
    ]);
    const statuses = new Set(outcomes.map((o) => o.json.status));
    expect(statuses.size).toBe(1);
    expect((await getCredits(apiKey)).json).toMatchObject({ reserved: 0, balance: statuses.has("settled") ? 46 : 48 });
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("answers a replayed Idempotency-Key with the first hold, and a changed request with 409", async () => {
    const { business, apiKey } = await creditsBusiness("Idempotent Jobs");
    await addTopupCredits(business.id, 100);
    const headers = { "idempotency-key": "job-abc-1" };
    const results = await Promise.all(Array.from({ length: 8 }, () => reserveJob(apiKey, { requestedSeconds: 50 }, headers)));
    const ids = new Set(results.map((r) => r.json.taskId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    expect((await getCredits(apiKey)).json).toMatchObject({ reserved: 10 });
    const changed = await reserveJob(apiKey, { requestedSeconds: 55 }, headers);
    expect(changed.status).toBe(409);
    expect(changed.json.error.code).toBe("idempotency_conflict");
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("validates input, needs the scopes, and keeps tenants apart", async () => {
    const a = await creditsBusiness("Tenant A Credits");
    const b = await creditsBusiness("Tenant B Credits");
    await addTopupCredits(a.business.id, 20);
    expect((await reserveJob(a.apiKey, { requestedSeconds: 0 })).status).toBe(422);
    expect((await reserveJob(a.apiKey, { requestedSeconds: 5, ttlSeconds: 90_000 })).json.error.code).toBe("validation_failed");
    expect((await reserveJob(a.apiKey, { requestedSeconds: 5, extra: 1 })).status).toBe(422);
    const job = await reserveJob(a.apiKey, { requestedSeconds: 5 });
    expect(job.status).toBe(201);

    for (const res of [await getJob(b.apiKey, job.json.taskId), await completeJob(b.apiKey, job.json.taskId, 5), await cancelJob(b.apiKey, job.json.taskId)]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await getJob(a.apiKey, job.json.taskId)).json).toMatchObject({ status: "reserved", reserved: 1, used: 0 });
    expect((await getJob(a.apiKey, "not-a-uuid")).status).toBe(404);
    expect((await reserveJob(b.apiKey, { requestedSeconds: 5 })).json).toMatchObject({ needed: 1, current: 0 });

    await prisma.apiKey.update({ where: { id: a.apiKeyId }, data: { scopes: ["credits:read"] } });
    forgetAllCachedApiKeys();
    const refused = await reserveJob(a.apiKey, { requestedSeconds: 5 });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
    expect((await getCredits(a.apiKey)).status).toBe(200);
  });

  it("expires holds past expiresAt through the cron, once, and the audit finds no drift", async () => {
    const { business, apiKey } = await creditsBusiness("Expiring Holds");
    await addTopupCredits(business.id, 30);
    const job = await reserveJob(apiKey, { requestedSeconds: 50, ttlSeconds: 60 });
    const keep = await reserveJob(apiKey, { requestedSeconds: 50 });
    await prisma.creditReservation.update({ where: { id: job.json.taskId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const [first, second] = await Promise.all([cron(expireRoute.GET, "/api/cron/expire-reservations"), cron(expireRoute.GET, "/api/cron/expire-reservations")]);
    expect(first.json.expired + second.json.expired).toBe(1);
    expect((await getJob(apiKey, job.json.taskId)).json).toMatchObject({ status: "expired", used: 0, refunded: 10 });
    expect((await getJob(apiKey, keep.json.taskId)).json.status).toBe("reserved");
    expect((await completeJob(apiKey, job.json.taskId, 5)).json.status).toBe("expired");
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 30, reserved: 10 });

    const audit = await cron(auditRoute.GET, "/api/cron/credits-audit");
    expect(audit.status).toBe(200);
    expect(audit.json).toMatchObject({ ok: true, drift: [] });
    expect((await call(auditRoute.GET, "/api/cron/credits-audit")).status).toBe(401);
  });

  it("the audit reports drift, and the ledger refuses updates and deletes", async () => {
    const { business } = await creditsBusiness("Drift Shop");
    await addTopupCredits(business.id, 7);
    await expect(prisma.creditLedgerEntry.updateMany({ where: { businessId: business.id }, data: { delta: 8 } })).rejects.toThrow(/append-only/);
    await expect(prisma.creditLedgerEntry.deleteMany({ where: { businessId: business.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.creditBalance.update({ where: { businessId_bucket: { businessId: business.id, bucket: "topup" } }, data: { balance: -1 } })).rejects.toThrow();
    await prisma.creditBalance.update({ where: { businessId_bucket: { businessId: business.id, bucket: "topup" } }, data: { balance: 9 } });
    const audit = await cron(auditRoute.GET, "/api/cron/credits-audit");
    expect(audit.json.ok).toBe(false);
    expect(audit.json.drift).toContainEqual({ businessId: business.id, bucket: "topup", balance: 9, ledger: 7, reserved: 0, openHolds: 0 });
  });
});

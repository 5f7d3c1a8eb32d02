import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import * as status from "@/app/api/pos/status/route";
import * as transactions from "@/app/api/pos/transactions/route";
import * as usage from "@/app/api/v1/usage/route";
import { closeRateLimiter } from "@/lib/rate-limit/api-key-limiter";
import { setSubscription, withKey } from "../helpers/api-key";
import { createBusiness } from "../helpers/fixtures";

// The app reaches PostgreSQL and Redis through TCP proxies this test cuts and restores: a real outage for
// this process only (others share the servers). Needs the servers: DATABASE_URL=… REDIS_URL=… npx vitest run <this file>.
const setup = await vi.hoisted(async () => {
  const { TcpProxy, throughProxy } = await import("../helpers/tcp-proxy");
  const realDatabaseUrl = process.env.DATABASE_URL;
  const realRedisUrl = process.env.REDIS_URL;
  const proxyFor = async (url: string | undefined) => {
    if (!url) return null;
    const parsed = new URL(url);
    return TcpProxy.start({ host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === "redis:" ? 6379 : 5432)) });
  };
  const database = await proxyFor(realDatabaseUrl);
  const redis = await proxyFor(realRedisUrl);
  if (database) process.env.DATABASE_URL = throughProxy(realDatabaseUrl!, database);
  if (redis) process.env.REDIS_URL = throughProxy(realRedisUrl!, redis);
  return { database, redis, realDatabaseUrl };
});

afterAll(async () => {
  await closeRateLimiter();
  await setup.database?.close();
  await setup.redis?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!setup.database)("PostgreSQL goes away under load", () => {
  it("requests during the outage get a quick 503 database_unavailable, the app recovers, every 201 is stored", async () => {
    const { business, apiKey } = await createBusiness("Outage Shop");
    await setSubscription(business.id, { plan: "enterprise" });
    expect((await withKey(status.GET, "/api/pos/status", apiKey)).status).toBe(200);

    const results: { reference: string; status: number; code?: string; ms: number }[] = [];
    let sequence = 0;
    let running = true;
    const worker = async () => {
      while (running) {
        const reference = `OUT-${++sequence}`;
        const started = Date.now();
        const res = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: { reference, amount: 100, currency: "USD", type: "sale" } });
        results.push({ reference, status: res.status, code: res.json?.error?.code, ms: Date.now() - started });
        // A bounded load: 8 tills, each at most ~50 requests a second.
        await sleep(res.status === 201 ? 20 : 100);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await sleep(1_000);
    setup.database!.cut();
    const cutAt = results.length;
    await sleep(1_000);
    // A route that reads through Prisma (not the raw pool of the batcher) answers the same way.
    const started = Date.now();
    const read = await withKey(usage.GET, "/api/v1/usage", apiKey);
    expect([read.status, read.json.error?.code]).toEqual([503, "database_unavailable"]);
    expect(read.headers.get("retry-after")).toBe("5");
    expect(Date.now() - started).toBeLessThan(5_000);
    await sleep(2_000);
    setup.database!.restore();
    await sleep(3_000);
    running = false;
    await Promise.all(workers);

    const during = results.slice(cutAt);
    expect(during.filter((r) => r.status === 503).length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status !== 201 && r.status !== 503).slice(0, 5)).toEqual([]);
    expect(results.filter((r) => r.status === 503).every((r) => r.code === "database_unavailable")).toBe(true);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(5_000);
    // Recovered by itself: the last requests were all acknowledged.
    expect(results.slice(-8).every((r) => r.status === 201)).toBe(true);

    const direct = new pg.Client({ connectionString: setup.realDatabaseUrl });
    await direct.connect();
    const { rows } = await direct.query<{ reference: string }>(`SELECT reference FROM "UsageEvent" WHERE "businessId" = $1`, [business.id]);
    await direct.end();
    const stored = new Set(rows.map((r) => r.reference));
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.reference);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(acknowledged.filter((reference) => !stored.has(reference))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!setup.redis || !setup.database)("Redis goes away", () => {
  it("rate limits fall back to in-memory counts, the app says so once, nothing fails", async () => {
    const { apiKey } = await createBusiness("Redis Outage Shop");
    expect((await withKey(status.GET, "/api/pos/status", apiKey)).status).toBe(200);
    const warn = vi.spyOn(console, "warn");
    setup.redis!.cut();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = Date.now();
      statuses.push((await withKey(status.GET, "/api/pos/status", apiKey)).status);
      expect(Date.now() - started).toBeLessThan(1_000);
      await sleep(50);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const unavailable = warn.mock.calls.filter(([message]) => String(message).startsWith("Redis is unavailable"));
    expect(unavailable).toHaveLength(1);
    expect(String(unavailable[0][0])).toContain("rate limits fall back to in-memory counts");

    setup.redis!.restore();
    await vi.waitFor(() => expect(warn.mock.calls.some(([message]) => String(message).startsWith("Redis is back"))).toBe(true), { timeout: 10_000 });
    expect((await withKey(status.GET, "/api/pos/status", apiKey)).status).toBe(200);
    warn.mockRestore();
  }, 30_000);
});

import { afterAll, describe, expect, it, vi } from "vitest";
import * as cron from "@/app/api/cron/integrations/route";
import * as transactions from "@/app/api/pos/transactions/route";
import { prisma } from "@/lib/db";
import { withKey } from "../helpers/api-key";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { connect, disconnect, drainSyncs } from "../helpers/integrations";
import { enqueueDailySyncs } from "@/lib/integrations/enqueue-daily-syncs";

const fake = await vi.hoisted(async () => (await import("../fakes/integrations")).startFakeIntegrations());
afterAll(() => fake.close());

const runCron = (secret = "test-cron-secret-0123456789") => call(cron.GET, "/api/cron/integrations", { headers: { authorization: `Bearer ${secret}` } });

describe("GET /api/cron/integrations", () => {
  it("refuses a caller without the cron secret", async () => {
    const res = await runCron("wrong-secret-wrong-secret");
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("uploads yesterday's sales once a day, however often it runs, and skips disconnected integrations", async () => {
    const shop = await createBusiness("Daily Shop");
    const gone = await createBusiness("Gone Shop");
    expect((await connect(shop.owner.cookie, "dropbox", { accessToken: fake.dropbox.token, path: "/Daily" })).status).toBe(200);
    expect((await connect(gone.owner.cookie, "dropbox", { accessToken: fake.dropbox.token, path: "/Gone" })).status).toBe(200);
    await drainSyncs(shop.business.id, 0);
    await drainSyncs(gone.business.id, 0);
    expect((await disconnect(gone.owner.cookie, "dropbox")).status).toBe(200);
    const y = new Date(Date.now() - 86_400_000);
    for (const apiKey of [shop.apiKey, gone.apiKey]) {
      await withKey(transactions.POST, "/api/pos/transactions", apiKey, {
        body: { amount: 700, currency: "USD", type: "sale", reference: "d-1", occurredAt: new Date(Date.UTC(y.getUTCFullYear(), y.getUTCMonth(), y.getUTCDate(), 10)).toISOString() },
      });
    }

    // The route is enqueueDailySyncs + a drain of every due sync; the drain is scoped to this shop here so test
    // files sharing one PostgreSQL database do not run each other's jobs.
    const shopIntegration = await prisma.integration.findFirstOrThrow({ where: { businessId: shop.business.id } });
    const goneIntegration = await prisma.integration.findFirstOrThrow({ where: { businessId: gone.business.id } });
    await enqueueDailySyncs();
    expect(await drainSyncs(shop.business.id, 0)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(await drainSyncs(gone.business.id, 0)).toMatchObject({ claimed: 0 });
    const day = y.toISOString().slice(0, 10);
    expect(fake.dropbox.files.get(`/daily/sales-${day}.csv`)?.revisions).toBe(1);
    expect(fake.dropbox.files.has(`/gone/sales-${day}.csv`)).toBe(false);

    await enqueueDailySyncs();
    expect(await drainSyncs(shop.business.id, 0)).toMatchObject({ claimed: 0 });
    const today = new Date().toISOString().slice(0, 10);
    expect(await prisma.job.count({ where: { dedupeKey: `integration.sync:daily:${shopIntegration.id}:${today}` } })).toBe(1);
    expect(await prisma.job.count({ where: { dedupeKey: { startsWith: `integration.sync:daily:${goneIntegration.id}` } } })).toBe(0);
    expect(fake.dropbox.files.get(`/daily/sales-${day}.csv`)?.revisions).toBe(1);
    const runs = await prisma.integrationSyncRun.findMany({ where: { businessId: shop.business.id, trigger: "daily" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded", sent: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The cron routes run over every business. With a one-day lead this file's run only reaches subscriptions
// ending within a day, which no other test file creates, so files sharing a PostgreSQL database stay apart.
let billingCron: typeof import("@/app/api/cron/billing/route");
let db: typeof import("@/lib/db");
let http: typeof import("../helpers/http");
let billing: typeof import("../helpers/billing");

beforeAll(async () => {
  vi.stubEnv("BILLING_LEAD_DAYS", "1");
  vi.resetModules();
  [billingCron, db, http, billing] = await Promise.all([
    import("@/app/api/cron/billing/route"),
    import("@/lib/db"),
    import("../helpers/http"),
    import("../helpers/billing"),
  ]);
});

afterAll(() => vi.unstubAllEnvs());

describe("GET /api/cron/billing", () => {
  it("refuses a caller without the cron secret", async () => {
    const res = await http.call(billingCron.GET, "/api/cron/billing");
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("runs the billing run and records it with its counts", async () => {
    const shop = await billing.subscribedBusiness("Cron Due", { periodEnd: new Date(Date.now() + 6 * 3_600_000) });
    const res = await http.call(billingCron.GET, "/api/cron/billing", { headers: { authorization: "Bearer test-cron-secret-0123456789" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ job: "billing", completed: true });
    expect(await billing.renewalInvoicesOf(shop.subscriptionId)).toHaveLength(1);
    const run = await db.prisma.billingRun.findUniqueOrThrow({ where: { id: res.json.billingRunId } });
    expect(run).toMatchObject({ completed: true, invoiced: res.json.invoiced, due: res.json.due, errors: 0, cursor: null });
    expect(run.invoiced).toBeGreaterThanOrEqual(1);
    expect(run.finishedAt).not.toBeNull();
  });
});

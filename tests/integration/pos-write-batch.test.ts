// The POS batch writer as two server instances meet it: batches for one business written at the same time (no
// group commit between them), racing on the monthly limit and on references.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { monthPeriod } from "@/lib/usage/period";
import { RECORD, recordParams, writeTransactions, type TransactionRow } from "@/lib/usage/write-transactions";
import { createBusiness } from "../helpers/fixtures";

function rowsFor(businessId: string, apiKeyId: string, references: string[], monthlyLimit: number, requestHash = "hash-a"): TransactionRow[] {
  return references.map((reference) => ({
    businessId,
    apiKeyId,
    reference,
    requestHash: `${requestHash}:${reference}`,
    amountCents: 500,
    currency: "USD",
    type: "sale",
    terminalId: null,
    metadata: undefined,
    occurredAt: new Date(),
    monthlyLimit,
  }));
}

const counterOf = (businessId: string) =>
  prisma.usageCounter.findUnique({ where: { businessId_metric_period: { businessId, metric: "pos.transaction", period: monthPeriod() } } });

describe("writeTransactions, batches of two instances at once", () => {
  it("admits exactly up to the monthly limit, in arrival order within each batch", async () => {
    const { business, apiKeyId } = await createBusiness("Two Tills");
    await prisma.usageCounter.create({ data: { businessId: business.id, metric: "pos.transaction", period: monthPeriod(), count: 490 } });
    const refs = (prefix: string) => Array.from({ length: 8 }, (_, i) => `${prefix}-${i}`);
    const [a, b] = await Promise.all([
      writeTransactions(rowsFor(business.id, apiKeyId, refs("A"), 500)),
      writeTransactions(rowsFor(business.id, apiKeyId, refs("B"), 500)),
    ]);
    const outcomes = [...a, ...b].map((o) => o.outcome);
    expect(outcomes.filter((o) => o === "created")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "over_limit")).toHaveLength(6);
    // Whichever batch went first took all 8; the other got the 2 left, its first two rows.
    const second = a.filter((o) => o.outcome === "created").length === 8 ? b : a;
    expect(second.map((o) => o.outcome)).toEqual(["created", "created", "over_limit", "over_limit", "over_limit", "over_limit", "over_limit", "over_limit"]);
    expect(second.find((o) => o.outcome === "over_limit")).toEqual({ outcome: "over_limit", limit: 500 });
    expect((await counterOf(business.id))?.count).toBe(500);
    expect(await prisma.usageEvent.count({ where: { businessId: business.id, eventType: "pos.transaction" } })).toBe(10);
  });

  it("stores a reference sent to both once: the other batch answers with the same event", async () => {
    const { business, apiKeyId } = await createBusiness("Retrying Till");
    const [a, b] = await Promise.all([
      writeTransactions(rowsFor(business.id, apiKeyId, ["R-1", "R-2"], -1)),
      writeTransactions(rowsFor(business.id, apiKeyId, ["R-2", "R-3"], -1)),
    ]);
    const r2 = [a[1], b[0]];
    expect(r2.map((o) => o.outcome).sort()).toEqual(["created", "duplicate"]);
    expect(r2[0]).toMatchObject({ eventId: (r2[1] as { eventId: string }).eventId });
    expect((await counterOf(business.id))?.count).toBe(3);
  });

  it("within one batch, a repeated reference follows its first occurrence: duplicate, or conflict when the request differs", async () => {
    const { business, apiKeyId } = await createBusiness("Busy Till");
    const [first] = rowsFor(business.id, apiKeyId, ["S-1"], -1);
    const [different] = rowsFor(business.id, apiKeyId, ["S-1"], -1, "hash-b");
    const outcomes = await writeTransactions([first, { ...first }, different]);
    expect(outcomes.map((o) => o.outcome)).toEqual(["created", "duplicate", "conflict"]);
    const ids = new Set(outcomes.map((o) => (o as { eventId: string }).eventId));
    expect(ids.size).toBe(1);
    const stored = await writeTransactions([{ ...first }, { ...different }]);
    expect(stored.map((o) => o.outcome)).toEqual(["duplicate", "conflict"]);
    expect((await counterOf(business.id))?.count).toBe(1);
  });

  it("a business at its limit gets over_limit for new references but still its duplicates", async () => {
    const { business, apiKeyId } = await createBusiness("Full Till");
    const [kept] = await writeTransactions(rowsFor(business.id, apiKeyId, ["F-1"], 1));
    expect(kept.outcome).toBe("created");
    const outcomes = await writeTransactions(rowsFor(business.id, apiKeyId, ["F-1", "F-2"], 1));
    expect(outcomes).toEqual([{ outcome: "duplicate", eventId: (kept as { eventId: string }).eventId }, { outcome: "over_limit", limit: 1 }]);
  });
});

// Every table access of the batch function must stay a point lookup whatever the statistics say (a test database,
// a fresh deployment before autovacuum's first pass) and whatever the tables grew to since its plans were made:
// it is planned once per connection (force_generic_plan), except the lookup of stored references. Plans once read
// every event of the business for each row of the batch, through an index on businessId and another column.
describe.skipIf(!process.env.DATABASE_URL)("record_pos_transactions plans on PostgreSQL", () => {
  it("finds stored references through the unique key and counters through their primary key, with plans made while the business had no events", async () => {
    const { business, apiKeyId } = await createBusiness("Busy Till");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const plans: string[] = [];
    client.on("notice", (notice) => plans.push(notice.message ?? ""));
    try {
      // The plans are made by this connection's first call, then kept while the business grows to 600 events.
      await client.query(RECORD, recordParams(rowsFor(business.id, apiKeyId, ["first"], -1), monthPeriod()));
      for (let batch = 0; batch < 3; batch++) {
        await writeTransactions(rowsFor(business.id, apiKeyId, Array.from({ length: 200 }, (_, i) => `busy-${batch}-${i}`), -1));
      }
      await client.query("LOAD 'auto_explain'");
      await client.query("SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET client_min_messages = log");
      const [stored, fresh] = await client.query(RECORD, recordParams(rowsFor(business.id, apiKeyId, ["busy-0-7", "busy-new-1"], -1), monthPeriod())).then((r) => r.rows);
      expect([stored.outcome, fresh.outcome]).toEqual(["duplicate", "created"]);
    } finally {
      await client.end();
    }
    const lookupPlan = plans.find((plan) => plan.includes('FROM "UsageEvent" e'));
    expect(lookupPlan).toBeDefined();
    expect(lookupPlan).toMatch(/Index Scan using "UsageEvent_businessId_eventType_reference_key" on "UsageEvent"[^\n]*\n\s+Index Cond: \(\("businessId" = \S+\) AND \("eventType" = \S+\) AND \(reference = \S+\)\)/);
    expect(lookupPlan).not.toMatch(/on "UsageEvent" e\b[^\n]*\n[^\n]*\n\s+Filter: /);
    const counterPlans = plans.filter((plan) => plan.includes('"UsageCounter"'));
    expect(counterPlans).toHaveLength(2);
    for (const plan of counterPlans) expect(plan).toContain("Conflict Arbiter Indexes: UsageCounter_pkey");
    expect(plans.join("\n")).not.toMatch(/Scan[^\n]* on "UsageCounter"/);
    expect((await counterOf(business.id))?.count).toBe(602);
  });
});

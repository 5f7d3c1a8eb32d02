import { randomUUID } from "node:crypto";
import { UNLIMITED } from "@/lib/billing/plans";
import { recordTillCustomers } from "@/lib/customers/record-till-customers";
import type { TillCustomer } from "@/lib/customers/schemas";
import { database, type Query } from "@/lib/db";
import { monthPeriod } from "./period";

export const TRANSACTION_EVENT = "pos.transaction";

export interface TransactionRow {
  businessId: string;
  apiKeyId: string;
  reference: string;
  // Hash of the canonical request (lib/pos/request-hash.ts), computed before the batch.
  requestHash: string;
  amountCents: number;
  currency: string;
  type: string;
  terminalId: string | null;
  metadata: unknown;
  occurredAt: Date;
  monthlyLimit: number;
  customer?: TillCustomer;
}

export type TransactionOutcome =
  | { outcome: "created"; eventId: string }
  | { outcome: "duplicate"; eventId: string }
  | { outcome: "conflict"; eventId: string }
  | { outcome: "over_limit"; limit: number };

// Creates missing counters and locks all of them in one statement (ON CONFLICT DO UPDATE locks the row).
const LOCK_COUNTERS = `
  INSERT INTO "UsageCounter" ("businessId", metric, period, count, "updatedAt")
  SELECT b, $2, $3, 0, now() FROM unnest($1::text[]) AS b
  ON CONFLICT ("businessId", metric, period) DO UPDATE SET "updatedAt" = now()
  RETURNING "businessId", count`;

const FIND_EXISTING = `
  SELECT id, "businessId", reference, "requestHash" FROM "UsageEvent"
  WHERE "eventType" = $3 AND ("businessId", reference) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

const INSERT_AND_COUNT = `
  WITH added AS (
    INSERT INTO "UsageEvent" (id, "businessId", "apiKeyId", "eventType", reference, "requestHash", quantity, "amountCents",
                              currency, "transactionType", "terminalId", data, "occurredAt", "createdAt")
    SELECT id, b, k, $11, ref, hash, 1, amount, cur, typ, term, data::jsonb, at, now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::timestamptz[], $13::text[]) AS t(id, b, k, ref, amount, cur, typ, term, data, at, hash)
    ON CONFLICT DO NOTHING
    RETURNING "businessId"
  ),
  per_business AS (SELECT "businessId", count(*)::int AS n FROM added GROUP BY 1),
  counted AS (
    UPDATE "UsageCounter" AS c SET count = c.count + p.n, "updatedAt" = now()
    FROM per_business AS p
    WHERE c."businessId" = p."businessId" AND c.metric = $11 AND c.period = $12
    RETURNING 1
  )
  SELECT (SELECT coalesce(sum(n), 0)::int FROM per_business) AS inserted`;

// Writes a batch of POS transactions in one database transaction. The month's usage counter rows of the
// businesses involved are locked first, so per business everything below is serialized: the duplicate
// check on (business, reference), the plan limit, and the counter increment are exact under concurrency.
export async function writeTransactions(rows: TransactionRow[]): Promise<TransactionOutcome[]> {
  const period = monthPeriod();
  const businessIds = [...new Set(rows.map((row) => row.businessId))].sort();
  return database.transaction(async (query) => {
    const counters = await query<{ businessId: string; count: number }>(LOCK_COUNTERS, [businessIds, TRANSACTION_EVENT, period]);
    const existing = await query<{ id: string; businessId: string; reference: string; requestHash: string | null }>(FIND_EXISTING, [
      rows.map((r) => r.businessId),
      rows.map((r) => r.reference),
      TRANSACTION_EVENT,
    ]);

    // An event stored before request hashes existed (null) counts as the same request.
    const known = new Map(existing.map((e) => [`${e.businessId}\u0000${e.reference}`, { id: e.id, hash: e.requestHash }]));
    const used = new Map(counters.map((c) => [c.businessId, Number(c.count)]));
    const admitted: (TransactionRow & { id: string })[] = [];
    const outcomes = rows.map((row): TransactionOutcome => {
      const key = `${row.businessId}\u0000${row.reference}`;
      const earlier = known.get(key);
      if (earlier) {
        const same = earlier.hash === null || earlier.hash === row.requestHash;
        return { outcome: same ? "duplicate" : "conflict", eventId: earlier.id };
      }
      const count = used.get(row.businessId) ?? 0;
      if (row.monthlyLimit !== UNLIMITED && count >= row.monthlyLimit) return { outcome: "over_limit", limit: row.monthlyLimit };
      const id = randomUUID();
      known.set(key, { id, hash: row.requestHash });
      used.set(row.businessId, count + 1);
      admitted.push({ ...row, id });
      return { outcome: "created", eventId: id };
    });
    if (admitted.length > 0) await insertAndCount(query, admitted, period);
    const withCustomer = admitted.filter((row) => row.customer);
    if (withCustomer.length > 0) {
      await recordTillCustomers(query, withCustomer.map((row) => ({ eventId: row.id, businessId: row.businessId, customer: row.customer! })));
    }
    return outcomes;
  });
}

async function insertAndCount(query: Query, rows: (TransactionRow & { id: string })[], period: string) {
  const [{ inserted }] = await query<{ inserted: number }>(INSERT_AND_COUNT, [
    rows.map((r) => r.id),
    rows.map((r) => r.businessId),
    rows.map((r) => r.apiKeyId),
    rows.map((r) => r.reference),
    rows.map((r) => r.amountCents),
    rows.map((r) => r.currency),
    rows.map((r) => r.type),
    rows.map((r) => r.terminalId),
    rows.map((r) => (r.metadata === undefined ? null : JSON.stringify(r.metadata))),
    rows.map((r) => r.occurredAt.toISOString()),
    TRANSACTION_EVENT,
    period,
    rows.map((r) => r.requestHash),
  ]);
  // Only a concurrent batch of another month (at the month boundary) can get here first; the caller retries row by row.
  if (Number(inserted) !== rows.length) throw new Error("transaction batch raced with another; retrying row by row");
}

import { recordTillCustomers } from "@/lib/customers/record-till-customers";
import type { TillCustomer } from "@/lib/customers/schemas";
import { database, prisma, type Query } from "@/lib/db";
import { uuidv7 } from "@/lib/db/uuid-v7";
import { emitPosTransactionsCreated } from "@/lib/webhooks-out/pos-subscribers";
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
  // The business has an endpoint for pos.transaction.created (lib/webhooks-out/pos-subscribers.ts).
  notifyWebhooks?: boolean;
}

export type TransactionOutcome =
  | { outcome: "created"; eventId: string }
  | { outcome: "duplicate"; eventId: string }
  | { outcome: "conflict"; eventId: string }
  | { outcome: "over_limit"; limit: number };

// The whole batch is one call of record_pos_transactions (prisma/migrations/20261128110000_record_pos_transactions):
// it locks the month's counter rows of the batch's businesses, then tells duplicates, applies the monthly limit
// and inserts and counts the new events, all in one round trip and one database transaction. Per business,
// concurrent batches (of this or another instance) are serialized by those locks, so the duplicate check, the
// limit and the count are exact.
export const RECORD = `
  SELECT idx, outcome, event_id AS "eventId"
  FROM record_pos_transactions($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[],
                               $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::int[], $13::text, $14::text)`;

type RecordedRow = { idx: number; outcome: "created" | "duplicate" | "conflict" | "over_limit"; eventId: string | null };

// A batch is a single statement (its own transaction), unless it carries till customers or sales of businesses
// with POS webhooks: then the customer upserts and the events are written in the same transaction.
export async function writeTransactions(rows: TransactionRow[]): Promise<TransactionOutcome[]> {
  const params = recordParams(rows, monthPeriod());
  if (!rows.some((row) => row.customer || row.notifyWebhooks)) return outcomes(rows, await database.query<RecordedRow>(RECORD, params));
  return prisma.$transaction(async (tx) => {
    const query: Query = (sql, values = []) => tx.$queryRawUnsafe(sql, ...values);
    const recorded = await query<RecordedRow>(RECORD, params);
    const created = recorded.filter((r) => r.outcome === "created").map((r) => ({ ...rows[r.idx - 1], eventId: r.eventId! }));
    const withCustomer = created.filter((row) => row.customer);
    if (withCustomer.length > 0) {
      await recordTillCustomers(query, withCustomer.map((row) => ({ eventId: row.eventId, businessId: row.businessId, customer: row.customer! })));
    }
    const notified = created.filter((row) => row.notifyWebhooks);
    if (notified.length > 0) await emitPosTransactionsCreated(tx, notified);
    return outcomes(rows, recorded);
  });
}

function outcomes(rows: TransactionRow[], recorded: RecordedRow[]): TransactionOutcome[] {
  return recorded.map((r) =>
    r.outcome === "over_limit" ? { outcome: "over_limit", limit: rows[r.idx - 1].monthlyLimit } : { outcome: r.outcome, eventId: r.eventId! },
  );
}

export function recordParams(rows: TransactionRow[], period: string): unknown[] {
  return [
    rows.map(() => uuidv7()),
    rows.map((r) => r.businessId),
    rows.map((r) => r.apiKeyId),
    rows.map((r) => r.reference),
    rows.map((r) => r.amountCents),
    rows.map((r) => r.currency),
    rows.map((r) => r.type),
    rows.map((r) => r.terminalId),
    rows.map((r) => (r.metadata === undefined ? null : JSON.stringify(r.metadata))),
    rows.map((r) => r.occurredAt.toISOString()),
    rows.map((r) => r.requestHash),
    rows.map((r) => r.monthlyLimit),
    TRANSACTION_EVENT,
    period,
  ];
}

import { creditTransaction } from "./sql";

export interface CreditDrift {
  businessId: string;
  bucket: string;
  balance: number;
  ledger: number;
  reserved: number;
  openHolds: number;
}

// Compares every cached balance with the sum of its ledger, and every `reserved` with its open holds.
// Both sides are read in one snapshot (REPEATABLE READ), so a concurrent movement cannot look like drift.
const DRIFT = `
  WITH ledger AS (SELECT "businessId", bucket::text AS bucket, sum(delta)::int AS total FROM "CreditLedgerEntry" GROUP BY 1, 2),
  holds AS (
    SELECT "businessId", 'plan' AS bucket, sum("planCredits")::int AS total FROM "CreditReservation" WHERE status = 'reserved' GROUP BY 1
    UNION ALL
    SELECT "businessId", 'topup', sum("topupCredits")::int FROM "CreditReservation" WHERE status = 'reserved' GROUP BY 1
  ),
  balances AS (SELECT "businessId", bucket::text AS bucket, balance, reserved FROM "CreditBalance")
  SELECT coalesce(b."businessId", l."businessId", h."businessId") AS "businessId",
         coalesce(b.bucket, l.bucket, h.bucket) AS bucket,
         coalesce(b.balance, 0) AS balance, coalesce(l.total, 0) AS ledger,
         coalesce(b.reserved, 0) AS reserved, coalesce(h.total, 0) AS "openHolds"
  FROM balances b
  FULL JOIN ledger l ON l."businessId" = b."businessId" AND l.bucket = b.bucket
  FULL JOIN holds h ON h."businessId" = coalesce(b."businessId", l."businessId") AND h.bucket = coalesce(b.bucket, l.bucket)
  WHERE coalesce(b.balance, 0) <> coalesce(l.total, 0) OR coalesce(b.reserved, 0) <> coalesce(h.total, 0)
     OR coalesce(b.balance, 0) < 0 OR coalesce(b.reserved, 0) > coalesce(b.balance, 0)
  LIMIT 100`;

export async function auditCredits(): Promise<{ balances: number; drift: CreditDrift[] }> {
  return creditTransaction(async (query) => {
    await query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const drift = await query<CreditDrift>(DRIFT);
    const [{ count }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "CreditBalance"`);
    return { balances: Number(count), drift: drift.map((d) => ({ ...d, balance: Number(d.balance), ledger: Number(d.ledger), reserved: Number(d.reserved), openHolds: Number(d.openHolds) })) };
  });
}

import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { CreditBucket, CreditEntryKind } from "./credit-units";
import type { Query } from "./sql";

export interface CreditEntry {
  businessId: string;
  bucket: CreditBucket;
  kind: CreditEntryKind;
  delta: number;
  idempotencyKey: string;
  reservationId?: string | null;
  orderId?: string | null;
  invoiceId?: string | null;
  shopifyDeliveryId?: string | null;
  description?: string | null;
}

const INSERT_ENTRY = `
  INSERT INTO "CreditLedgerEntry" (id, "businessId", bucket, kind, delta, "idempotencyKey", "reservationId", "orderId",
                                   "invoiceId", "shopifyDeliveryId", description, "createdAt")
  VALUES ($1, $2, $3::"CreditBucket", $4::"CreditEntryKind", $5, $6, $7, $8, $9, $10, $11, clock_timestamp())
  ON CONFLICT ("idempotencyKey") DO NOTHING
  RETURNING id`;

// A credit creates the bucket's row when it is the first; the row is locked by the upsert.
const ADD_TO_BALANCE = `
  INSERT INTO "CreditBalance" ("businessId", bucket, balance, reserved, "updatedAt")
  VALUES ($1, $2::"CreditBucket", $3, 0, now())
  ON CONFLICT ("businessId", bucket) DO UPDATE SET balance = "CreditBalance".balance + EXCLUDED.balance, "updatedAt" = now()
  RETURNING balance`;

// A debit never takes credits that are held by reservations, and never goes below zero.
const TAKE_FROM_BALANCE = `
  UPDATE "CreditBalance" SET balance = balance + $3, "updatedAt" = now()
  WHERE "businessId" = $1 AND bucket = $2::"CreditBucket" AND balance - reserved + $3 >= 0
  RETURNING balance`;

export class InsufficientCreditsError extends ApiError {
  constructor(readonly needed: number, readonly current: number) {
    super("insufficient_credits", `This needs ${needed} credits; ${current} are available.`);
  }
}

// The one way credits move that is not a reservation: one ledger row (unique idempotency key) and the
// balance change, in the caller's transaction. A repeated key changes nothing and answers false.
export async function postCreditEntry(query: Query, entry: CreditEntry): Promise<boolean> {
  if (!Number.isSafeInteger(entry.delta) || entry.delta === 0) throw new Error("delta must be a non-zero integer");
  const inserted = await query(INSERT_ENTRY, [
    randomUUID(),
    entry.businessId,
    entry.bucket,
    entry.kind,
    entry.delta,
    entry.idempotencyKey,
    entry.reservationId ?? null,
    entry.orderId ?? null,
    entry.invoiceId ?? null,
    entry.shopifyDeliveryId ?? null,
    entry.description ?? null,
  ]);
  if (inserted.length === 0) return false;
  if (entry.delta > 0) {
    await query(ADD_TO_BALANCE, [entry.businessId, entry.bucket, entry.delta]);
    return true;
  }
  const taken = await query(TAKE_FROM_BALANCE, [entry.businessId, entry.bucket, entry.delta]);
  // Throwing rolls back the ledger row inserted above together with everything else in the transaction.
  if (taken.length === 0) throw new InsufficientCreditsError(-entry.delta, 0);
  return true;
}

import { randomUUID } from "node:crypto";
import { creditsForSeconds } from "./credit-units";
import { creditTransaction, type Query } from "./sql";

export type FinishAction = { kind: "complete"; actualSeconds: number } | { kind: "cancel" } | { kind: "expire" };

interface Closed {
  id: string;
  businessId: string;
  credits: number;
  planCredits: number;
  topupCredits: number;
  usedCredits: number;
  planPeriodStart: Date | null;
}

// Moves the reservation out of "reserved" once: only the caller whose conditional UPDATE matches goes on.
// complete charges ceil(actual / 5) up to the hold; cancel and expire charge nothing.
const CLOSE = `
  UPDATE "CreditReservation"
  SET status = $3::"CreditReservationStatus", "actualSeconds" = $4, "usedCredits" = LEAST($5, credits),
      "refundedCredits" = credits - LEAST($5, credits), "finishedAt" = now()
  WHERE id = $1 AND ($2::text IS NULL OR "businessId" = $2) AND status = 'reserved'
    AND ($3 <> 'expired' OR "expiresAt" <= now())
  RETURNING id, "businessId", credits, "planCredits", "topupCredits", "usedCredits", "planPeriodStart"`;

// The plan part of a hold taken in a period that has since ended is not given back to the next period.
const RELEASE_PLAN = `
  UPDATE "CreditBalance"
  SET reserved = reserved - $3,
      balance = balance - $2 - CASE WHEN "periodStart" IS DISTINCT FROM $4::timestamptz THEN $3 - $2 ELSE 0 END,
      "updatedAt" = now()
  WHERE "businessId" = $1 AND bucket = 'plan' AND reserved >= $3
  RETURNING ("periodStart" IS DISTINCT FROM $4::timestamptz) AS lapsed`;

const RELEASE_TOPUP = `
  UPDATE "CreditBalance" SET reserved = reserved - $3, balance = balance - $2, "updatedAt" = now()
  WHERE "businessId" = $1 AND bucket = 'topup' AND reserved >= $3
  RETURNING 1`;

const INSERT_ENTRIES = `
  INSERT INTO "CreditLedgerEntry" (id, "businessId", bucket, kind, delta, "idempotencyKey", "reservationId", description, "createdAt")
  SELECT id, $1, bucket::"CreditBucket", kind::"CreditEntryKind", delta, key, $2, descr, clock_timestamp()
  FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) AS e(id, bucket, kind, delta, key, descr)`;

// Answers true when this call moved the reservation, false when it had already left "reserved".
export function finishReservation(taskId: string, businessId: string | null, action: FinishAction): Promise<boolean> {
  return creditTransaction((query) => finishInTransaction(query, taskId, businessId, action));
}

export async function finishInTransaction(query: Query, taskId: string, businessId: string | null, action: FinishAction) {
  const status = action.kind === "complete" ? "settled" : action.kind === "cancel" ? "released" : "expired";
  const actualSeconds = action.kind === "complete" ? action.actualSeconds : null;
  const charge = action.kind === "complete" ? creditsForSeconds(action.actualSeconds) : 0;
  const [closed] = await query<Closed>(CLOSE, [taskId, businessId, status, actualSeconds, charge]);
  if (!closed) return false;

  const used = Number(closed.usedCredits);
  const usedPlan = Math.min(used, closed.planCredits);
  const usedTopup = used - usedPlan;
  const entries: { bucket: string; kind: string; delta: number; key: string; description: string }[] = [];
  if (closed.planCredits > 0) {
    const [plan] = await query<{ lapsed: boolean }>(RELEASE_PLAN, [closed.businessId, usedPlan, closed.planCredits, closed.planPeriodStart]);
    if (!plan) throw new Error(`plan hold of reservation ${taskId} is missing from the balance`);
    if (usedPlan) entries.push({ bucket: "plan", kind: "settlement", delta: -usedPlan, key: `settle:${taskId}:plan`, description: "Job settled" });
    const lapsed = closed.planCredits - usedPlan;
    if (plan.lapsed && lapsed) {
      entries.push({ bucket: "plan", kind: "expiry", delta: -lapsed, key: `expiry:${taskId}:plan`, description: "Held plan credits of an ended period" });
    }
  }
  if (closed.topupCredits > 0) {
    const topup = await query(RELEASE_TOPUP, [closed.businessId, usedTopup, closed.topupCredits]);
    if (topup.length === 0) throw new Error(`top-up hold of reservation ${taskId} is missing from the balance`);
    if (usedTopup) entries.push({ bucket: "topup", kind: "settlement", delta: -usedTopup, key: `settle:${taskId}:topup`, description: "Job settled" });
  }
  if (entries.length) {
    await query(INSERT_ENTRIES, [
      closed.businessId,
      taskId,
      entries.map(() => randomUUID()),
      entries.map((e) => e.bucket),
      entries.map((e) => e.kind),
      entries.map((e) => e.delta),
      entries.map((e) => e.key),
      entries.map((e) => e.description),
    ]);
  }
  return true;
}

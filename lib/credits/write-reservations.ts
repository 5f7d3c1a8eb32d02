import { randomUUID } from "node:crypto";
import { creditTransaction, type Query } from "./sql";

export interface ReservationRequest {
  businessId: string;
  apiKeyId: string | null;
  credits: number;
  requestedSeconds: number;
  ttlSeconds: number;
  idempotencyKey: string | null;
}

export type ReservationOutcome =
  | { outcome: "reserved"; taskId: string; reservedCredits: number; expiresAt: Date }
  | { outcome: "insufficient"; needed: number; current: number };

// A keyed request whose key was used meanwhile; the batch is retried row by row and that row answers the replay.
export class IdempotencyReplay extends Error {
  constructor() {
    super("Idempotency-Key already used");
  }
}

// Locks the balance rows of every business in the batch, in one fixed order (no deadlocks between batches).
const LOCK_BALANCES = `
  SELECT "businessId", bucket::text AS bucket, balance - reserved AS available, "periodStart"
  FROM "CreditBalance" WHERE "businessId" = ANY($1::text[])
  ORDER BY "businessId", bucket FOR UPDATE`;

// The conditional UPDATE decides: each bucket's hold is taken only where balance - reserved covers it. The
// reservations are inserted by the same statement; a replayed Idempotency-Key inserts nothing and is counted.
const HOLD_AND_INSERT = `
  WITH held AS (
    UPDATE "CreditBalance" AS c SET reserved = c.reserved + t.n, "updatedAt" = now()
    FROM unnest($1::text[], $2::text[], $3::int[]) AS t(b, bucket, n)
    WHERE c."businessId" = t.b AND c.bucket = t.bucket::"CreditBucket" AND c.balance - c.reserved >= t.n
    RETURNING 1
  ),
  added AS (
    INSERT INTO "CreditReservation" (id, "businessId", "apiKeyId", status, "requestedSeconds", credits, "planCredits",
                                     "topupCredits", "planPeriodStart", "idempotencyKey", "expiresAt", "createdAt")
    SELECT id, b, k, 'reserved', secs, n, p, t, pps, ik, exp, now()
    FROM unnest($4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::timestamptz[],
                $12::text[], $13::timestamptz[]) AS r(id, b, k, secs, n, p, t, pps, ik, exp)
    ON CONFLICT ("businessId", "idempotencyKey") DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*)::int FROM held) AS held, (SELECT count(*)::int FROM added) AS added`;

interface Available {
  plan: number;
  topup: number;
  planPeriodStart: Date | null;
}

// Places a batch of holds in one transaction. Within a business the requests are served in arrival order,
// plan credits first, then top-up credits; a request that does not fit gets a 402 and holds nothing.
export function writeReservations(requests: ReservationRequest[], now = new Date()): Promise<ReservationOutcome[]> {
  return creditTransaction((query) => placeHolds(query, requests, now));
}

async function placeHolds(query: Query, requests: ReservationRequest[], now: Date): Promise<ReservationOutcome[]> {
  const businessIds = [...new Set(requests.map((r) => r.businessId))].sort();
  const rows = await query<{ businessId: string; bucket: string; available: number; periodStart: Date | null }>(LOCK_BALANCES, [businessIds]);
  const available = new Map<string, Available>();
  for (const row of rows) {
    const entry = available.get(row.businessId) ?? { plan: 0, topup: 0, planPeriodStart: null };
    if (row.bucket === "plan") Object.assign(entry, { plan: Number(row.available), planPeriodStart: row.periodStart });
    else entry.topup = Number(row.available);
    available.set(row.businessId, entry);
  }

  const holds = new Map<string, number>();
  const inserts: { id: string; request: ReservationRequest; plan: number; topup: number; pps: Date | null; expiresAt: Date }[] = [];
  const outcomes = requests.map((request): ReservationOutcome => {
    const left = available.get(request.businessId) ?? { plan: 0, topup: 0, planPeriodStart: null };
    const current = left.plan + left.topup;
    if (request.credits > current) return { outcome: "insufficient", needed: request.credits, current };
    const plan = Math.min(request.credits, left.plan);
    const topup = request.credits - plan;
    left.plan -= plan;
    left.topup -= topup;
    if (plan) holds.set(`${request.businessId}\u0000plan`, (holds.get(`${request.businessId}\u0000plan`) ?? 0) + plan);
    if (topup) holds.set(`${request.businessId}\u0000topup`, (holds.get(`${request.businessId}\u0000topup`) ?? 0) + topup);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + request.ttlSeconds * 1000);
    inserts.push({ id, request, plan, topup, pps: plan ? left.planPeriodStart : null, expiresAt });
    return { outcome: "reserved", taskId: id, reservedCredits: request.credits, expiresAt };
  });
  if (inserts.length === 0) return outcomes;

  const holdRows = [...holds].map(([key, n]) => [...key.split("\u0000"), n] as [string, string, number]);
  const [result] = await query<{ held: number; added: number }>(HOLD_AND_INSERT, [
    holdRows.map((h) => h[0]),
    holdRows.map((h) => h[1]),
    holdRows.map((h) => h[2]),
    inserts.map((i) => i.id),
    inserts.map((i) => i.request.businessId),
    inserts.map((i) => i.request.apiKeyId),
    inserts.map((i) => i.request.requestedSeconds),
    inserts.map((i) => i.request.credits),
    inserts.map((i) => i.plan),
    inserts.map((i) => i.topup),
    inserts.map((i) => i.pps?.toISOString() ?? null),
    inserts.map((i) => i.request.idempotencyKey),
    inserts.map((i) => i.expiresAt.toISOString()),
  ]);
  if (result.held !== holdRows.length) throw new Error("credit hold did not match the locked balance");
  if (result.added !== inserts.length) throw new IdempotencyReplay();
  return outcomes;
}

import { randomUUID } from "node:crypto";
import { addMonthsUtc } from "@/lib/billing/billing-period";
import { plans } from "@/lib/billing/plans";
import type { Plan } from "@/lib/generated/prisma/enums";
import { postCreditEntry } from "./post-credit-entry";
import { creditTransaction, type Query } from "./sql";

export interface PaidPeriod {
  businessId: string;
  periodStart: Date;
  periodEnd: Date;
  credits: number;
  source: string;
  invoiceId?: string | null;
}

const RECORD_GRANTS = `
  INSERT INTO "CreditPlanGrant" (id, "businessId", "periodStart", "periodEnd", credits, source, "invoiceId", "createdAt")
  SELECT * , now() FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::text[], $7::text[])
  ON CONFLICT ("businessId", "periodStart") DO NOTHING`;

const CLAIM_GRANT = `
  UPDATE "CreditPlanGrant" SET "grantedAt" = $2 WHERE id = $1 AND "grantedAt" IS NULL
  RETURNING id, "businessId", "periodStart", "periodEnd", credits, "invoiceId"`;

// Creates the plan bucket if needed and locks it (the upsert takes the row lock).
const LOCK_PLAN_BUCKET = `
  INSERT INTO "CreditBalance" ("businessId", bucket, balance, reserved, "updatedAt") VALUES ($1, 'plan', 0, 0, now())
  ON CONFLICT ("businessId", bucket) DO UPDATE SET "updatedAt" = now()
  RETURNING balance - reserved AS free, "periodStart", "periodEnd"`;

const SET_PERIOD = `UPDATE "CreditBalance" SET "periodStart" = $2, "periodEnd" = $3 WHERE "businessId" = $1 AND bucket = 'plan'`;
const MARK_EXPIRED = `UPDATE "CreditPlanGrant" SET "expiredAt" = $3 WHERE "businessId" = $1 AND "periodStart" = $2 AND "expiredAt" IS NULL`;

// A plan period was paid (Stripe invoice paid, Paynow invoice settled, Shopify selling plan): records its grant
// once per (business, period start), and grants it now when the period has started (else the cron does).
// Runs in the payment's own transaction.
export async function recordPaidPeriod(query: Query, period: PaidPeriod, now = new Date()): Promise<void> {
  await recordPaidPeriods(query, [period], now);
}

// The same for many periods (a billing run's batch of renewals): one INSERT records them all.
export async function recordPaidPeriods(query: Query, periods: PaidPeriod[], now = new Date()): Promise<void> {
  const granted = periods.filter((period) => period.credits > 0 && period.periodEnd > period.periodStart);
  if (granted.length === 0) return;
  const column = <T,>(pick: (period: PaidPeriod) => T) => granted.map(pick);
  await query(RECORD_GRANTS, [
    granted.map(() => randomUUID()),
    column((p) => p.businessId),
    column((p) => p.periodStart.toISOString()),
    column((p) => p.periodEnd.toISOString()),
    column((p) => p.credits),
    column((p) => p.source),
    column((p) => p.invoiceId ?? null),
  ]);
  for (const period of granted) {
    if (period.periodStart <= now) await applyPlanGrant(query, { businessId: period.businessId, periodStart: period.periodStart }, now);
  }
}

export function planPeriodCredits(plan: Plan): number {
  return plans[plan].limits.creditsPerMonth;
}

export function monthFrom(start: Date): { periodStart: Date; periodEnd: Date } {
  return { periodStart: start, periodEnd: addMonthsUtc(start, 1) };
}

// Grants one recorded period exactly once: what is left of the previous period expires first (a ledger entry,
// never an overwrite), then the period's credits are added. A period that already ended, or is older than the
// one the bucket holds, is marked done without credits.
export async function applyPlanGrant(query: Query, key: { businessId: string; periodStart: Date }, now = new Date()) {
  const [grantRow] = await query<{ id: string }>(
    `SELECT id FROM "CreditPlanGrant" WHERE "businessId" = $1 AND "periodStart" = $2`,
    [key.businessId, key.periodStart],
  );
  if (!grantRow) return false;
  const [grant] = await query<{ id: string; businessId: string; periodStart: Date; periodEnd: Date; credits: number; invoiceId: string | null }>(
    CLAIM_GRANT,
    [grantRow.id, now],
  );
  if (!grant) return false;
  const [bucket] = await query<{ free: number; periodStart: Date | null; periodEnd: Date | null }>(LOCK_PLAN_BUCKET, [grant.businessId]);
  const startIso = new Date(grant.periodStart).toISOString();
  if (new Date(grant.periodEnd) <= now || (bucket.periodStart && new Date(bucket.periodStart) > new Date(grant.periodStart))) {
    await query(MARK_EXPIRED, [grant.businessId, grant.periodStart, now]);
    return false;
  }
  if (bucket.periodStart) await expireHeldPeriod(query, grant.businessId, new Date(bucket.periodStart), Number(bucket.free), now);
  await postCreditEntry(query, {
    businessId: grant.businessId,
    bucket: "plan",
    kind: "plan_grant",
    delta: grant.credits,
    idempotencyKey: `plan_grant:${grant.businessId}:${startIso}`,
    invoiceId: grant.invoiceId,
    description: `Plan credits for the period from ${startIso.slice(0, 10)}`,
  });
  await query(SET_PERIOD, [grant.businessId, grant.periodStart, grant.periodEnd]);
  return true;
}

async function expireHeldPeriod(query: Query, businessId: string, periodStart: Date, free: number, now: Date) {
  if (free > 0) {
    await postCreditEntry(query, {
      businessId,
      bucket: "plan",
      kind: "plan_expiry",
      delta: -free,
      idempotencyKey: `plan_expiry:${businessId}:${periodStart.toISOString()}`,
      description: `Unused plan credits of the period from ${periodStart.toISOString().slice(0, 10)}`,
    });
  }
  await query(SET_PERIOD, [businessId, null, null]);
  await query(MARK_EXPIRED, [businessId, periodStart, now]);
}

// Cron: periods that have started get their credits; periods that have ended give up what is left.
// Each business is handled in its own short transaction; rows another run holds are skipped.
export async function rollPlanPeriods(now = new Date(), limit = 200) {
  let granted = 0;
  let expired = 0;
  const due = await creditTransaction((query) =>
    query<{ businessId: string; periodStart: Date }>(
      `SELECT "businessId", "periodStart" FROM "CreditPlanGrant" WHERE "grantedAt" IS NULL AND "periodStart" <= $1
       ORDER BY "periodStart" LIMIT $2`,
      [now, limit],
    ),
  );
  for (const grant of due) {
    if (await creditTransaction((query) => applyPlanGrant(query, grant, now))) granted++;
  }
  const ended = await creditTransaction((query) =>
    query<{ businessId: string }>(
      `SELECT "businessId" FROM "CreditBalance" WHERE bucket = 'plan' AND "periodEnd" <= $1 LIMIT $2`,
      [now, limit],
    ),
  );
  for (const { businessId } of ended) {
    const done = await creditTransaction(async (query) => {
      const [row] = await query<{ free: number; periodStart: Date | null }>(
        `SELECT balance - reserved AS free, "periodStart" FROM "CreditBalance"
         WHERE "businessId" = $1 AND bucket = 'plan' AND "periodEnd" <= $2 FOR UPDATE SKIP LOCKED`,
        [businessId, now],
      );
      if (!row?.periodStart) return false;
      await expireHeldPeriod(query, businessId, new Date(row.periodStart), Number(row.free), now);
      return true;
    });
    if (done) expired++;
  }
  return { granted, expired };
}

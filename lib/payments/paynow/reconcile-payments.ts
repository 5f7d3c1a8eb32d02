import { prisma } from "@/lib/db";
import { paynowClient, paynowSettings } from "./config";
import { PaynowUnavailableError } from "./http";
import { settlePaynowPayment, type SettleOutcome } from "./settle-payment";

export interface ReconcileOptions {
  now?: Date;
  minAgeMs?: number;
  repollAfterMs?: number;
  batchSize?: number;
  budgetMs?: number;
}

const tallies: Partial<Record<SettleOutcome, "paid" | "failed" | "stillPending" | "flagged">> = {
  paid: "paid",
  failed: "failed",
  pending: "stillPending",
  flagged_amount: "flagged",
  flagged_double_payment: "flagged",
  flagged_status: "flagged",
};

// Claims a batch by stamping lastPolledAt in one statement; SKIP LOCKED and the stamp keep two runs (or two
// batches of one run) from taking the same payments.
function claimBatch(now: Date, olderThan: Date, polledBefore: Date, size: number) {
  return prisma.$queryRaw<{ id: string; externalReference: string; pollUrl: string }[]>`
    UPDATE "Payment" SET "lastPolledAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Payment"
      WHERE "provider" = 'paynow' AND "status" = 'pending' AND "pollUrl" IS NOT NULL
        AND "externalReference" IS NOT NULL AND "createdAt" < ${olderThan}
        AND ("lastPolledAt" IS NULL OR "lastPolledAt" < ${polledBefore})
      ORDER BY "createdAt"
      LIMIT ${size}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "externalReference", "pollUrl"`;
}

// Pending Paynow payments whose result never arrived are polled at their poll URL and settled exactly as the
// callback would settle them. Bounded in time: what a run cannot reach is released for the next run.
export async function reconcilePendingPayments(options: ReconcileOptions = {}) {
  const { now = new Date(), minAgeMs = 5 * 60_000, repollAfterMs = 10 * 60_000, batchSize = 25, budgetMs = 20_000 } = options;
  const counts = { claimed: 0, polled: 0, paid: 0, failed: 0, stillPending: 0, flagged: 0, unchanged: 0, unavailable: 0, errors: 0 };
  if (!paynowSettings()) return { skipped: "paynow_not_configured", ...counts };
  const client = paynowClient();
  const deadline = Date.now() + budgetMs;
  const olderThan = new Date(now.getTime() - minAgeMs);
  const polledBefore = new Date(now.getTime() - repollAfterMs);

  while (Date.now() < deadline) {
    const batch = await claimBatch(now, olderThan, polledBefore, batchSize);
    counts.claimed += batch.length;
    for (const [index, payment] of batch.entries()) {
      if (Date.now() >= deadline || client.isOpen) {
        const unreached = batch.slice(index).map((p) => p.id);
        await prisma.payment.updateMany({ where: { id: { in: unreached }, lastPolledAt: now }, data: { lastPolledAt: null } });
        return counts;
      }
      try {
        const report = await client.poll(payment.pollUrl, payment.externalReference);
        counts.polled++;
        const { outcome } = await settlePaynowPayment(report);
        counts[tallies[outcome] ?? "unchanged"]++;
      } catch (error) {
        counts[error instanceof PaynowUnavailableError ? "unavailable" : "errors"]++;
        console.warn(`paynow: reconciling payment ${payment.id} failed: ${(error as Error).message}`);
      }
    }
    if (batch.length < batchSize) break;
  }
  return counts;
}

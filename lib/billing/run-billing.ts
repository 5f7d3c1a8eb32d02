import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { billingRunSettings, DAY_MS } from "./billing-run-settings";
import { endCancelledSubscriptions } from "./end-cancelled-subscriptions";
import { findDueSubscriptions, openRenewalInvoices, type OpenedInvoice, type RenewalCandidate } from "./open-renewal-invoices";

export interface RunBillingOptions {
  now?: Date;
  budgetMs?: number;
  leadDays?: number;
  batchSize?: number;
  // Only these businesses (an operator re-running one business; tests that share a database).
  businessIds?: string[];
  // Tests: die (as a killed process would) once this many operations (invoices opened, charges run) are done.
  interruptAfter?: number;
}

export interface BillingRunCounts {
  due: number;
  invoiced: number;
  charged: number;
  succeeded: number;
  failed: number;
  skipped: number;
  endedToFree: number;
  errors: number;
}

export class BillingRunInterrupted extends Error {
  override name = "BillingRunInterrupted";
}

// One invocation of the billing cron. Works in batches until nothing is due or the time budget is spent,
// recording its counts and cursor in a BillingRun row after every batch. The next invocation starts where an
// unfinished one stopped and then sweeps from the start, so nothing is missed; every write is guarded by a
// unique constraint or a conditional update, so two runs at once, a killed run re-run or the same day run
// twice never invoice or charge twice.
export async function runBilling(options: RunBillingOptions = {}) {
  const settings = billingRunSettings();
  const { now = new Date(), budgetMs = settings.budgetMs, leadDays = settings.leadDays, batchSize = 50, interruptAfter, businessIds } = options;
  const started = Date.now();
  const outOfTime = () => Date.now() - started >= budgetMs;
  const horizon = new Date(now.getTime() + leadDays * DAY_MS);
  const counts: BillingRunCounts = { due: 0, invoiced: 0, charged: 0, succeeded: 0, failed: 0, skipped: 0, endedToFree: 0, errors: 0 };
  let operations = 0;
  const timings = { openMs: 0, chargeMs: 0 };
  let lastError: string | null = null;

  const previous = businessIds ? null : await prisma.billingRun.findFirst({ orderBy: { startedAt: "desc" }, select: { completed: true, cursor: true } });
  const resumeFrom = previous && !previous.completed ? previous.cursor ?? "" : "";
  const run = await prisma.billingRun.create({ data: { cursor: resumeFrom || null } });
  const save = (extra: { finishedAt?: Date; completed?: boolean; cursor?: string | null } = {}) =>
    prisma.billingRun.update({ where: { id: run.id }, data: { ...counts, lastError, ...extra } });

  counts.endedToFree = await endCancelledSubscriptions(now, businessIds);

  let cursor = resumeFrom;
  let sweptFromStart = resumeFrom === "";
  let completed = false;
  while (!outOfTime()) {
    const batch = await findDueSubscriptions(horizon, cursor, batchSize, businessIds);
    if (batch.length === 0) {
      if (sweptFromStart) {
        completed = true;
        break;
      }
      cursor = "";
      sweptFromStart = true;
      continue;
    }
    counts.due += batch.length;
    const openStarted = Date.now();
    const opened = await openBatch(batch);
    timings.openMs += Date.now() - openStarted;
    const chargeStarted = Date.now();
    await chargeOpened(opened.filter((invoice) => invoice.chargedByCvt));
    timings.chargeMs += Date.now() - chargeStarted;
    cursor = batch[batch.length - 1].subscriptionId;
    await save({ cursor });
  }
  if (completed && !outOfTime()) {
    // Charges and wallet pushes left queued by an invocation that died; their jobs' leases protect running ones.
    for (const businessId of businessIds ?? [undefined]) {
      const leftover = await runDueJobs({ kinds: ["cvt.charge", "paynow.renewal-push"], businessId, limit: 100_000, budgetMs: Math.max(1_000, budgetMs - (Date.now() - started)), now: () => now });
      counts.charged += leftover.claimed;
    }
  }
  await save({ finishedAt: new Date(), completed, cursor: completed ? null : cursor });
  return { billingRunId: run.id, completed, ...counts, ms: Date.now() - started, ...timings };

  async function openBatch(batch: RenewalCandidate[]): Promise<OpenedInvoice[]> {
    const guard = (size: number) => () => {
      if (interruptAfter !== undefined && operations + size > interruptAfter) throw new BillingRunInterrupted(`interrupted after ${operations} operations`);
    };
    try {
      const { opened, skipped } = await openRenewalInvoices(batch, now, guard(batch.length));
      record(opened.length, skipped);
      return opened;
    } catch (error) {
      if (error instanceof BillingRunInterrupted && batch.length === 1) throw error;
      // One bad subscription must not hold up the others: retry the batch one by one.
      const opened: OpenedInvoice[] = [];
      for (const candidate of batch) {
        try {
          const single = await openRenewalInvoices([candidate], now, guard(1));
          record(single.opened.length, single.skipped);
          opened.push(...single.opened);
        } catch (singleError) {
          if (singleError instanceof BillingRunInterrupted) throw singleError;
          counts.errors += 1;
          lastError = `${candidate.subscriptionId}: ${(singleError as Error).message}`.slice(0, 1000);
          console.error(`billing run: subscription ${candidate.subscriptionId} failed:`, (singleError as Error).message);
        }
      }
      return opened;
    }
  }

  function record(invoiced: number, skipped: number) {
    counts.invoiced += invoiced;
    counts.skipped += skipped;
    operations += invoiced;
  }

  async function chargeOpened(invoices: OpenedInvoice[]) {
    if (invoices.length === 0) return;
    const room = interruptAfter === undefined ? invoices.length : interruptAfter - operations;
    const limit = Math.max(0, Math.min(invoices.length, room));
    if (limit > 0) {
      for (const businessId of businessIds ?? [undefined]) {
        // Each claimed group of charges is sent concurrently and settled in one transaction (cvt.charge runMany).
        const ran = await runDueJobs({ kinds: ["cvt.charge"], businessId, limit, batchSize: 50, now: () => now });
        counts.charged += ran.claimed;
        operations += ran.claimed;
      }
    }
    const payments = await prisma.payment.groupBy({
      by: ["status"],
      where: { provider: "cvt", invoiceId: { in: invoices.map((invoice) => invoice.id) } },
      _count: true,
    });
    for (const row of payments) {
      if (row.status === "paid") counts.succeeded += row._count;
      if (row.status === "failed") counts.failed += row._count;
    }
    if (limit < invoices.length) throw new BillingRunInterrupted(`interrupted after ${operations} operations`);
  }
}

import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PermanentJobError, RetryLaterError } from "./job-errors";
import { jobKind, type JobContext, type JobKindName } from "./job-kinds";

// A claimed job not finished within its lease (the process died) is claimed again by a later drain.
const LEASE_MS = 5 * 60_000;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  businessId: string | null;
}

export interface RunJobsOptions {
  kinds?: JobKindName[];
  businessId?: string;
  limit?: number;
  budgetMs?: number;
  batchSize?: number;
  now?: () => Date;
}

export type RunJobsResult = {
  claimed: number;
  succeeded: number;
  retried: number;
  failed: number;
};

// Drains due jobs in batches until none is due, `limit` jobs ran or the time budget is spent.
export async function runDueJobs(options: RunJobsOptions = {}): Promise<RunJobsResult> {
  const { limit = 200, budgetMs = 50_000, batchSize = 10, now = () => new Date() } = options;
  const started = Date.now();
  const result: RunJobsResult = { claimed: 0, succeeded: 0, retried: 0, failed: 0 };
  while (result.claimed < limit && Date.now() - started < budgetMs) {
    const jobs = await claimDueJobs({ ...options, limit: Math.min(batchSize, limit - result.claimed), at: now() });
    if (jobs.length === 0) break;
    result.claimed += jobs.length;
    const outcomes = await runClaimed(jobs, now);
    for (const outcome of outcomes) result[outcome] += 1;
    await markSucceeded(jobs.filter((_, index) => outcomes[index] === "succeeded"), now());
  }
  return result;
}

// One UPDATE for the batch's successes, each fenced on its attempt number: a run whose lease was taken over
// cannot overwrite the newer one. Dying before this line leaves the jobs to run again when their lease ends,
// as dying just after the handler always did; handlers are idempotent.
async function markSucceeded(jobs: ClaimedJob[], at: Date) {
  if (jobs.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "Job" j SET status = 'succeeded', "finishedAt" = ${at}, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${at}
    FROM unnest(${jobs.map((job) => job.id)}::text[], ${jobs.map((job) => job.attempts)}::int[]) AS done(id, attempts)
    WHERE j.id = done.id AND j.status = 'running' AND j.attempts = done.attempts`;
}

// Claiming commits at once (status running, attempts + 1, a lease), so a concurrent drain skips these rows
// and a crash mid-run leaves them to be claimed again when the lease ends.
async function claimDueJobs({ kinds, businessId, limit, at }: RunJobsOptions & { limit: number; at: Date }) {
  const kindFilter = kinds?.length ? Prisma.sql`AND kind = ANY(${kinds})` : Prisma.empty;
  const businessFilter = businessId ? Prisma.sql`AND "businessId" = ${businessId}` : Prisma.empty;
  return prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'running', attempts = attempts + 1,
      "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "updatedAt" = ${at}
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE ((status = 'queued' AND "runAt" <= ${at}) OR (status = 'running' AND "lockedUntil" < ${at}))
        ${kindFilter} ${businessFilter}
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, "maxAttempts", "businessId"`;
}

type Outcome = "succeeded" | "retried" | "failed";

// Runs a claimed batch: jobs of a kind with `runMany` together (set-based work such as a billing run's CVT
// charges), the others one by one, all concurrently; then records each job's outcome.
async function runClaimed(jobs: ClaimedJob[], now: () => Date): Promise<Outcome[]> {
  const contexts = jobs.map((job): JobContext => ({ jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, businessId: job.businessId, now: now() }));
  const errors: (Error | undefined)[] = jobs.map((job) => {
    if (!jobKind(job.kind)) return new PermanentJobError(`Unknown job kind "${job.kind}"`);
    if (job.attempts > job.maxAttempts) return new PermanentJobError("Gave up: the last attempt did not finish within its lease");
    return undefined;
  });
  const byKind = new Map<string, number[]>();
  jobs.forEach((job, index) => {
    if (!errors[index]) byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), index]);
  });
  await Promise.all(
    [...byKind].map(async ([name, indexes]) => {
      const kind = jobKind(name)!;
      if (kind.runMany) {
        const results = await kind.runMany(indexes.map((index) => ({ payload: jobs[index].payload, ctx: contexts[index] }))).catch((error: unknown) => indexes.map(() => asError(error)));
        indexes.forEach((index, position) => (errors[index] = results[position]));
        return;
      }
      await Promise.all(indexes.map(async (index) => (errors[index] = await kind.run(jobs[index].payload, contexts[index]).then(() => undefined, asError))));
    }),
  );
  return Promise.all(jobs.map((job, index) => finishJob(job, contexts[index], errors[index], now)));
}

// A failed attempt is queued again after its kind's delay, or marked failed after the last one. Finishing is
// fenced on the attempt number: a run whose lease was taken over cannot overwrite the newer one.
async function finishJob(job: ClaimedJob, ctx: JobContext, error: Error | undefined, now: () => Date): Promise<Outcome> {
  if (!error) return "succeeded";
  const kind = jobKind(job.kind);
  const nextRunAt = nextAttemptAt(job, kind?.retryDelaysMs ?? [], error, now());
  const updated = await prisma.job.updateMany({
    where: { id: job.id, status: "running", attempts: job.attempts },
    data: nextRunAt
      ? { status: "queued", runAt: nextRunAt, lockedUntil: null, lastError: error.message.slice(0, 2000) }
      : { status: "failed", finishedAt: now(), lockedUntil: null, lastError: error.message.slice(0, 2000) },
  });
  if (updated.count === 1) {
    await kind?.onFailure?.(job.payload, { ...ctx, error, nextRunAt }).catch((hookError: Error) => {
      console.error(`job ${job.id} (${job.kind}) failure hook failed:`, hookError.message);
    });
  }
  return nextRunAt ? "retried" : "failed";
}

function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new Error(String(caught));
}

function nextAttemptAt(job: ClaimedJob, delays: readonly number[], error: Error, at: Date): Date | null {
  if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) return null;
  const scheduled = delays[Math.min(job.attempts - 1, delays.length - 1)] ?? 60_000;
  const delay = error instanceof RetryLaterError ? Math.max(error.delayMs, scheduled) : scheduled;
  return new Date(at.getTime() + delay);
}

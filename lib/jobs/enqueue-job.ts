import type { Prisma } from "@/lib/generated/prisma/client";
import { jobKinds, type JobKindName } from "./job-kinds";

export interface NewJob {
  kind: JobKindName;
  payload: Prisma.InputJsonValue;
  businessId?: string | null;
  runAt?: Date;
  // A second job with the same key is ignored, so re-running the cause never queues twice.
  dedupeKey?: string;
}

// Writes the job inside the caller's transaction: it exists exactly when its cause committed.
export async function enqueueJob(tx: Prisma.TransactionClient, job: NewJob): Promise<void> {
  await enqueueJobs(tx, [job]);
}

// The same for many jobs in one multi-row INSERT (bulk causes such as a billing run's batch of invoices).
export async function enqueueJobs(tx: Prisma.TransactionClient, jobs: NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.job.createMany({
    data: jobs.map((job) => ({ ...job, maxAttempts: jobKinds[job.kind].retryDelaysMs.length + 1 })),
    skipDuplicates: true,
  });
}

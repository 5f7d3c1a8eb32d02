const minute = 60_000;
const hour = 60 * minute;

export interface JobContext {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  businessId: string | null;
}

export interface JobFailure extends JobContext {
  error: Error;
  // When the next attempt runs; null when this was the last one and the job is now failed.
  nextRunAt: Date | null;
}

export interface JobKind {
  // Delay before each retry; attempts = retries + 1.
  retryDelaysMs: readonly number[];
  run(payload: unknown, ctx: JobContext): Promise<void>;
  // Lets the record behind the job show where it stands (e.g. an email's attempts and next attempt).
  onFailure?(payload: unknown, failure: JobFailure): Promise<void>;
}

// Every kind of background job, with its retry schedule. Handlers load lazily so enqueueing (on request
// paths) never pulls in what only the drain needs.
export const jobKinds = {
  // 5 attempts over about a day: at once, +5 min, +35 min, +2 h 35 min, +22 h 35 min. The last one stays
  // inside Resend's 24-hour idempotency window, so a retry after a lost answer can never send twice.
  "email.send": {
    retryDelaysMs: [5 * minute, 30 * minute, 2 * hour, 20 * hour],
    run: async (payload, ctx) => (await import("@/lib/email/deliver-email")).deliverEmail(payload, ctx),
    onFailure: async (payload, failure) => (await import("@/lib/email/deliver-email")).recordEmailFailure(payload, failure),
  },
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;

export function jobKind(name: string): JobKind | undefined {
  return (jobKinds as Record<string, JobKind>)[name];
}

export const emailMaxAttempts = jobKinds["email.send"].retryDelaysMs.length + 1;

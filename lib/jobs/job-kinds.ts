const minute = 60_000;
const hour = 60 * minute;

export interface JobContext {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  businessId: string | null;
  // When this attempt started (runDueJobs' clock, injectable in tests).
  now: Date;
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
  // Runs several claimed jobs of this kind together (set-based work); answers each job's error, or undefined
  // for a job that is done. Without it each job runs on its own.
  runMany?(jobs: { payload: unknown; ctx: JobContext }[]): Promise<(Error | undefined)[]>;
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
  // Provider calls: 429/5xx come back with their Retry-After (RetryLaterError); 6 attempts over about 7 hours.
  "integration.sync": {
    retryDelaysMs: [minute, 5 * minute, 30 * minute, 2 * hour, 4 * hour],
    run: async (payload, ctx) => (await import("@/lib/integrations/run-sync")).runIntegrationSync(payload, ctx),
  },
  // A CVT charge for one invoice; every attempt sends the same Idempotency-Key, so a retry is the same charge.
  "cvt.charge": {
    retryDelaysMs: [1 * minute, 10 * minute, 1 * hour, 6 * hour],
    run: async (payload) => (await import("@/lib/payments/cvt/charge-invoice")).chargeInvoiceWithCvt(payload),
    runMany: async (jobs) => (await import("@/lib/payments/cvt/charge-invoice")).chargeInvoicesWithCvt(jobs.map((job) => job.payload)),
  },
  // Opt-in renewal pushed to the payer's wallet (Paynow express checkout), once per invoice.
  "paynow.renewal-push": {
    retryDelaysMs: [15 * minute, 2 * hour],
    run: async (payload) => (await import("@/lib/billing/push-renewal-to-wallet")).pushRenewalToWallet(payload),
  },
  // Standard Webhooks' schedule, 8 attempts: at once, then +5 s, +5 min, +30 min, +2 h, +5 h, +10 h, +10 h.
  "webhook.deliver": {
    retryDelaysMs: [5_000, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour],
    run: async (payload, ctx) => (await import("@/lib/webhooks-out/deliver-webhook")).deliverWebhook(payload, ctx),
    onFailure: async (payload, failure) => (await import("@/lib/webhooks-out/deliver-webhook")).recordDeliveryFailure(payload, failure),
  },
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;

export function jobKind(name: string): JobKind | undefined {
  return (jobKinds as Record<string, JobKind>)[name];
}

export const emailMaxAttempts = jobKinds["email.send"].retryDelaysMs.length + 1;

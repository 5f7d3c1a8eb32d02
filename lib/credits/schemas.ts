import { z } from "zod";
import { MAX_HOLD_SECONDS } from "./credit-units";

export const reserveJobSchema = z.strictObject({
  requestedSeconds: z.int().min(1).max(MAX_HOLD_SECONDS * 10).meta({ description: "Seconds of work to hold credits for; 1 credit = 5 seconds, rounded up." }),
  ttlSeconds: z.int().min(60).max(MAX_HOLD_SECONDS).optional().meta({ description: "How long the hold lives before it is released by itself; default 3600, at most 86400." }),
});

export const completeJobSchema = z.strictObject({
  actualSeconds: z.int().min(0).max(MAX_HOLD_SECONDS * 10).meta({ description: "Seconds the job really used; ceil(actual / 5) credits are charged, at most the hold." }),
});

export const idempotencyKeySchema = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

const bucketSchema = z.object({ balance: z.int(), available: z.int(), reserved: z.int() });

export const creditSummarySchema = z
  .object({
    balance: z.int().meta({ description: "All credits, including those held by open reservations." }),
    available: z.int().meta({ description: "balance - reserved: what a new job can hold." }),
    reserved: z.int(),
    buckets: z.object({ plan: bucketSchema, topup: bucketSchema }),
    cycle: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }).nullable().meta({ description: "The paid plan period the plan credits belong to." }),
  })
  .meta({ id: "CreditSummary" });

export const reservedJobSchema = z
  .object({ taskId: z.string(), reservedCredits: z.int(), expiresAt: z.iso.datetime() })
  .meta({ id: "ReservedJob" });

export const jobSchema = z
  .object({
    taskId: z.string(),
    status: z.enum(["reserved", "settled", "released", "expired"]),
    requestedSeconds: z.int(),
    actualSeconds: z.int().nullable(),
    reserved: z.int(),
    used: z.int(),
    refunded: z.int(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Job" });

export const insufficientCreditsSchema = z
  .object({ error: z.object({ code: z.literal("insufficient_credits"), message: z.string() }), needed: z.int(), current: z.int() })
  .meta({ id: "InsufficientCredits" });

export const topupPackSchema = z.union([z.literal(1000), z.literal(2000)]);

export const createTopupSchema = z.strictObject({
  pack: topupPackSchema,
  provider: z.enum(["card", "mobile_money"]),
  currency: z.enum(["USD", "ZWG"]).optional(),
});

export const apiTopupSchema = createTopupSchema;

// Filters come from a plain GET form, so an empty field means "any".
const blankIsAny = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const creditEntryKinds = ["plan_grant", "plan_expiry", "topup", "reservation", "settlement", "release", "expiry", "adjustment"] as const;

export const ledgerQuerySchema = z.strictObject({
  kind: blankIsAny(z.enum(creditEntryKinds)),
  from: blankIsAny(z.iso.date()),
  to: blankIsAny(z.iso.date()),
  format: blankIsAny(z.enum(["json", "csv"])),
});

import { z } from "zod";

// Request and response shapes of the Paynow routes: parsed on the way in, and used to shape what goes out
// so no internal field (poll URL, idempotency key, full phone number) can leak by accident.

export const paynowMethods = ["ecocash", "onemoney", "innbucks", "card"] as const;
export const paynowMethodSchema = z.enum(paynowMethods);
export type PaynowMethod = z.infer<typeof paynowMethodSchema>;

export const paidPlanSchema = z.enum(["basic", "pro", "enterprise"]);
export const invoiceCurrencySchema = z.enum(["USD", "ZWG"]);

export const createPaynowInvoiceSchema = z.strictObject({
  plan: paidPlanSchema,
  currency: invoiceCurrencySchema.default("USD"),
});
export type CreatePaynowInvoiceInput = z.infer<typeof createPaynowInvoiceSchema>;

const payFields = {
  method: paynowMethodSchema,
  phone: z.string().max(32, "must be at most 32 characters").optional(),
  email: z.email().max(254).optional(),
};

export const startPaymentSchema = z.strictObject({ invoiceId: z.string().min(1).max(64), ...payFields });
export const publicPaySchema = z.strictObject(payFields);
export type PayInput = z.infer<typeof publicPaySchema>;

// Printable ASCII, as in the IETF Idempotency-Key draft; long enough to be unique per attempt.
export const idempotencyKeySchema = z
  .string()
  .min(8, "Idempotency-Key: must be at least 8 characters")
  .max(200, "Idempotency-Key: must be at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key: printable ASCII only");

// 32 random bytes as base64url.
export const paymentTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// What Paynow posts to the result URL (and answers to a poll), after the hash has been verified.
export const statusReportSchema = z.object({
  reference: z.string().min(1).max(100),
  paynowreference: z.string().max(100).optional(),
  amount: z.string().max(32),
  status: z.string().min(1).max(40),
  pollurl: z.string().max(2048).optional(),
});

export const paymentViewSchema = z.object({
  paymentId: z.string(),
  status: z.enum(["pending", "paid", "failed", "cancelled", "expired"]),
  method: z.string().nullable(),
  amountCents: z.number().int(),
  currency: z.string(),
  invoiceId: z.string().nullable(),
  phoneLast4: z.string().nullable(),
  redirectUrl: z.string().optional(),
  instructions: z.string().optional(),
  innbucks: z
    .object({ authorizationCode: z.string(), expiresAt: z.string().nullable(), deepLink: z.string(), qrSvg: z.string() })
    .optional(),
  failureReason: z.string().optional(),
  flaggedForReview: z.boolean(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const invoiceViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(["draft", "open", "paid", "void", "uncollectible"]),
  plan: z.string().nullable(),
  currency: z.string(),
  totalCents: z.number().int(),
  amountDueCents: z.number().int(),
  amountPaidCents: z.number().int(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  dueAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  payUrl: z.string().nullable(),
});
export type InvoiceView = z.infer<typeof invoiceViewSchema>;

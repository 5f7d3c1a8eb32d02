import { z } from "zod";
import { env } from "@/lib/env";
import { paidPlans } from "./plans";

const appOrigin = () => new URL(env.APP_URL).origin;

// Redirects after checkout may only lead back into this app: an absolute URL on APP_URL's origin, or a path.
const sameOriginUrl = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = value.startsWith("/") && !value.startsWith("//") ? new URL(value, appOrigin()) : new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a URL or a path in this app" });
      return z.NEVER;
    }
    if (url.origin !== appOrigin()) {
      ctx.addIssue({ code: "custom", message: `must be on ${appOrigin()}` });
      return z.NEVER;
    }
    // Stripe substitutes this placeholder; URL() would otherwise percent-encode its braces.
    return url.toString().replaceAll("%7BCHECKOUT_SESSION_ID%7D", "{CHECKOUT_SESSION_ID}");
  });

export const checkoutSessionSchema = z.object({
  plan: z.enum(paidPlans, { error: `must be one of ${paidPlans.join(", ")} (to go back to free, cancel the subscription)` }),
  provider: z.enum(["stripe", "paypal", "mpesa"]).default("stripe"),
  successUrl: sameOriginUrl.optional(),
  cancelUrl: sameOriginUrl.optional(),
});
export type CheckoutSessionInput = z.infer<typeof checkoutSessionSchema>;

export const idempotencyKeySchema = z
  .string()
  .min(8, "Idempotency-Key: at least 8 characters")
  .max(200, "Idempotency-Key: at most 200 characters")
  .regex(/^[\w.:-]+$/, "Idempotency-Key: letters, digits, . _ : - only");

const paymentSchema = z.object({
  id: z.string(),
  provider: z.string(),
  method: z.string().nullable(),
  status: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  failureReason: z.string().nullable(),
  paidAt: z.date().nullable(),
  createdAt: z.date(),
});

// The shape the API and the billing page show; parsing through it drops every other column.
export const invoiceSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  provider: z.string(),
  status: z.string(),
  plan: z.string().nullable(),
  currency: z.string(),
  totalCents: z.number().int(),
  amountDueCents: z.number().int(),
  amountPaidCents: z.number().int(),
  periodStart: z.date().nullable(),
  periodEnd: z.date().nullable(),
  issuedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  createdAt: z.date(),
  hostedUrl: z.string().nullable(),
  pdfUrl: z.string().nullable(),
  payUrl: z.string().nullable(),
  payments: z.array(paymentSchema),
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

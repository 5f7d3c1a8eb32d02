import { z } from "zod";
import { tillCustomerSchema } from "@/lib/customers/schemas";

const currencies = new Set(Intl.supportedValuesOf("currency"));

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code in capitals")
  .refine((code) => currencies.has(code) || code === "ZWG", "is not an ISO 4217 currency");

export const posTransactionSchema = z
  .strictObject({
    amount: z.int("must be an integer amount in minor units (cents)").positive("must be positive").max(1e12, "is too large"),
    currency: currencyCode,
    type: z.enum(["sale", "refund", "void"]),
    reference: z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters"),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    terminalId: z.string().trim().min(1).max(64).optional(),
    metadata: z
      .record(z.string().max(64), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 4096, "must be at most 4 KiB of JSON")
      .optional(),
    customer: tillCustomerSchema.optional(),
  })
  .meta({ id: "PosTransactionRequest" });

export type PosTransactionInput = z.infer<typeof posTransactionSchema>;

export const posTransactionResponseSchema = z
  .object({ success: z.literal(true), eventId: z.string(), duplicate: z.literal(true).optional() })
  .meta({ id: "PosTransactionResponse" });

export const heartbeatSchema = z
  .strictObject({ terminalId: z.string().trim().min(1).max(64).optional() })
  .meta({ id: "HeartbeatRequest" });

export const posStatusResponseSchema = z
  .object({
    status: z.enum(["operational", "suspended"]),
    billingStatus: z.enum(["trialing", "active", "past_due", "canceled", "suspended"]),
    timestamp: z.iso.datetime(),
  })
  .meta({ id: "PosStatusResponse" });

export const posConfigSchema = z
  .strictObject({
    currency: currencyCode.default("USD"),
    receiptHeader: z.string().max(200).default(""),
    receiptFooter: z.string().max(200).default("Thank you for shopping with us"),
    taxRatePercent: z.number().min(0).max(100).multipleOf(0.01).default(15),
    pricesIncludeTax: z.boolean().default(true),
    allowRefunds: z.boolean().default(true),
  })
  .meta({ id: "PosConfig" });

export type PosConfig = z.infer<typeof posConfigSchema>;

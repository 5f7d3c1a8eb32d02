import { z } from "zod";

export const cvtEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  created: z.number().int().positive().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type CvtEvent = z.infer<typeof cvtEventSchema>;

export const chargeDataSchema = z.object({
  id: z.string().min(1).max(200),
  customer_id: z.string().min(1).max(200),
  amount: z.number().int().nonnegative().optional(),
  currency: z.string().max(3).optional(),
  error_message: z.string().max(1000).nullish(),
  metadata: z.object({ invoice_id: z.string().max(100).optional() }).partial().nullish(),
});

export const subscriptionUpdatedDataSchema = z.object({
  customer_id: z.string().min(1).max(200),
  plan: z.string().max(50).optional(),
  status: z.string().max(50).optional(),
  current_period_end: z.iso.datetime({ offset: true }).optional(),
});

export const subscriptionCanceledDataSchema = z.object({
  customer_id: z.string().min(1).max(200),
  ends_at: z.iso.datetime({ offset: true }),
});

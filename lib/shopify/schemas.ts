import { z } from "zod";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

// The part of Shopify's order payload that orders/paid needs; everything else is ignored.
export const shopifyOrderSchema = z.object({
  id,
  email: z.string().max(320).nullish(),
  contact_email: z.string().max(320).nullish(),
  processed_at: z.string().nullish(),
  created_at: z.string().nullish(),
  customer: z.object({ id, email: z.string().max(320).nullish() }).nullish(),
  line_items: z
    .array(
      z.object({
        id,
        sku: z.string().max(200).nullish(),
        quantity: z.int().min(1).max(10_000),
        selling_plan_allocation: z.object({ selling_plan: z.object({ id }) }).nullish(),
      }),
    )
    .max(250),
});

export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

import { z } from "zod";

const MAX_RANGE_DAYS = 366;

export const usageQueryParams = z.strictObject({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({ description: "Start (inclusive); default 30 days before `to`." }),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({ description: "End (exclusive); default now." }),
});

export const usageQuerySchema = usageQueryParams
  .transform(({ from, to }) => {
    const end = to ? new Date(to) : new Date();
    const start = from ? new Date(from) : new Date(end.getTime() - 30 * 86_400_000);
    return { from: start, to: end };
  })
  .refine(({ from, to }) => from < to, { message: "from must be before to", path: ["from"] })
  .refine(({ from, to }) => to.getTime() - from.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    message: `the range must be at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });

export const usageSummarySchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    events: z.array(z.object({ eventType: z.string(), count: z.int(), totalQuantity: z.int() })),
    transactions: z.array(z.object({ currency: z.string(), type: z.string(), count: z.int(), totalAmount: z.int() })),
  })
  .meta({ id: "UsageSummary" });

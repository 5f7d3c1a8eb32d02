import { env } from "@/lib/env";

export const DAY_MS = 86_400_000;

// How far ahead the billing run opens the next period's invoice, and how long one invocation may work.
export function billingRunSettings() {
  return { leadDays: env.BILLING_LEAD_DAYS, budgetMs: env.BILLING_RUN_BUDGET_MS };
}

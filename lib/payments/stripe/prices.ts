import { paidPlans, type PaidPlan } from "@/lib/billing/plans";
import { env } from "@/lib/env";

// Stripe price ids come from STRIPE_PRICE_ID_<PLAN>; undefined when that plan is not sold by card.
export function stripePriceIdForPlan(plan: PaidPlan): string | undefined {
  return { basic: env.STRIPE_PRICE_ID_BASIC, pro: env.STRIPE_PRICE_ID_PRO, enterprise: env.STRIPE_PRICE_ID_ENTERPRISE }[plan];
}

export function planForStripePriceId(priceId: string): PaidPlan | undefined {
  return paidPlans.find((plan) => stripePriceIdForPlan(plan) === priceId);
}

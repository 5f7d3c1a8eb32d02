import type { Plan } from "@/lib/generated/prisma/enums";

// Pure data, safe for client components. Stripe price ids live in lib/payments/stripe/prices.ts.
// The one place that answers "what may this business do". -1 means unlimited.
export interface PlanDefinition {
  id: Plan;
  name: string;
  limits: {
    apiKeys: number;
    terminals: number;
    transactionsPerMonth: number;
    requestsPerHourPerKey: number;
    creditsPerMonth: number;
  };
  // Monthly price in minor units per currency.
  prices: { USD: number; ZWG: number };
}

export const UNLIMITED = -1;

export const plans: Record<Plan, PlanDefinition> = {
  free: {
    id: "free",
    name: "Free",
    limits: { apiKeys: 1, terminals: 1, transactionsPerMonth: 500, requestsPerHourPerKey: 1_000, creditsPerMonth: 0 },
    prices: { USD: 0, ZWG: 0 },
  },
  basic: {
    id: "basic",
    name: "Basic",
    limits: { apiKeys: 3, terminals: 3, transactionsPerMonth: 10_000, requestsPerHourPerKey: 5_000, creditsPerMonth: 1_000 },
    prices: { USD: 2_999, ZWG: 80_000 },
  },
  pro: {
    id: "pro",
    name: "Pro",
    limits: { apiKeys: 10, terminals: 10, transactionsPerMonth: 100_000, requestsPerHourPerKey: 20_000, creditsPerMonth: 2_500 },
    prices: { USD: 4_999, ZWG: 135_000 },
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    limits: {
      apiKeys: UNLIMITED,
      terminals: UNLIMITED,
      transactionsPerMonth: UNLIMITED,
      requestsPerHourPerKey: 100_000,
      creditsPerMonth: 8_000,
    },
    prices: { USD: 9_999, ZWG: 270_000 },
  },
};

export const planOrder: Plan[] = ["free", "basic", "pro", "enterprise"];

export function isWithinLimit(limit: number, used: number): boolean {
  return limit === UNLIMITED || used < limit;
}

export type PaidPlan = Exclude<Plan, "free">;
export const paidPlans: PaidPlan[] = ["basic", "pro", "enterprise"];

export function isPaidPlan(plan: Plan): plan is PaidPlan {
  return plan !== "free";
}

// Prepaid credit top-ups (issue 13): packs and their prices per currency in minor units.
export type CreditPack = 1000 | 2000;
export const creditPacks: Record<CreditPack, { credits: number; prices: { USD: number; ZWG: number } }> = {
  1000: { credits: 1_000, prices: { USD: 1_000, ZWG: 27_000 } },
  2000: { credits: 2_000, prices: { USD: 1_800, ZWG: 48_500 } },
};

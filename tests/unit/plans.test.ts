import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => Object.assign(process.env, { STRIPE_PRICE_ID_BASIC: "price_b", STRIPE_PRICE_ID_PRO: "price_p", STRIPE_PRICE_ID_ENTERPRISE: "" }));

const { isWithinLimit, plans, UNLIMITED } = await import("@/lib/billing/plans");
const { planForStripePriceId, stripePriceIdForPlan } = await import("@/lib/payments/stripe/prices");

describe("lib/billing/plans", () => {
  it("has DESIGN.md's limits and prices in minor units", () => {
    expect(plans.free.limits).toEqual({ apiKeys: 1, terminals: 1, transactionsPerMonth: 500, requestsPerHourPerKey: 1_000, creditsPerMonth: 0 });
    expect(plans.pro.prices.USD).toBe(4_999);
    expect(plans.enterprise.limits.apiKeys).toBe(UNLIMITED);
  });

  it("maps Stripe price ids to plans both ways, and an unset price to nothing", () => {
    expect(stripePriceIdForPlan("basic")).toBe("price_b");
    expect(planForStripePriceId("price_p")).toBe("pro");
    expect(stripePriceIdForPlan("enterprise")).toBeUndefined();
    expect(planForStripePriceId("price_unknown")).toBeUndefined();
  });

  it("treats -1 as unlimited", () => {
    expect(isWithinLimit(UNLIMITED, 10 ** 9)).toBe(true);
    expect(isWithinLimit(3, 2)).toBe(true);
    expect(isWithinLimit(3, 3)).toBe(false);
  });
});

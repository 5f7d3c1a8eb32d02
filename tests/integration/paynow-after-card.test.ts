import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Stripe } from "@/lib/payments/stripe/client";
import { applyStripeSubscription } from "@/lib/payments/stripe/sync-subscription";
import { createBusiness } from "../helpers/fixtures";

// A business that moved from a card subscription to a period paid with mobile money keeps that period when
// the old card subscription later ends or changes.
describe("a Paynow-paid period and an old Stripe subscription", () => {
  it("ignores the old subscription's events unless they come from a completed checkout", async () => {
    const { business } = await createBusiness("Switcher Shop");
    const periodEnd = new Date(Date.now() + 20 * 86_400_000);
    await prisma.subscription.update({
      where: { businessId: business.id },
      data: { plan: "basic", status: "active", provider: "paynow", currentPeriodEnd: periodEnd, externalCustomerId: "cus_old" },
    });
    const ended = { id: "sub_old", status: "canceled", customer: "cus_old", items: { data: [] } } as unknown as Stripe.Subscription;

    const outcome = await prisma.$transaction((tx) => applyStripeSubscription(tx, business.id, ended, new Date()));
    expect(outcome).toBe("not_current");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({
      plan: "basic",
      provider: "paynow",
      currentPeriodEnd: periodEnd,
    });

    const now = Math.floor(Date.now() / 1000);
    const renewed = {
      id: "sub_old",
      status: "active",
      customer: "cus_old",
      cancel_at_period_end: false,
      cancel_at: null,
      items: { data: [{ price: { id: "price_old" }, current_period_start: now, current_period_end: now + 30 * 86_400 }] },
    } as unknown as Stripe.Subscription;
    expect(await prisma.$transaction((tx) => applyStripeSubscription(tx, business.id, renewed, new Date()))).toBe("not_current");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({ provider: "paynow", currentPeriodEnd: periodEnd });
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "billing.stripe_event_ignored" } })).toBe(2);
  });
});

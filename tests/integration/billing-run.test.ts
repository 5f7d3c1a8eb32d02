import { describe, expect, it } from "vitest";
import { BillingRunInterrupted, runBilling } from "@/lib/billing/run-billing";
import { addMonthsUtc } from "@/lib/billing/billing-period";
import { prisma } from "@/lib/db";
import * as cancelRoute from "@/app/api/billing/subscription/route";
import * as resumeRoute from "@/app/api/billing/subscription/resume/route";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";
import { call } from "../helpers/http";

// Billing runs use the real clock plus an offset so jobs and invoices written "now" line up.
const now = () => new Date();

describe("billing run: who gets the next invoice", () => {
  it("invoices due subscriptions we bill, once, and leaves the rest alone", async () => {
    const at = now();
    const due = await subscribedBusiness("Due Paynow", { periodEnd: new Date(at.getTime() + 2 * DAY) });
    const manual = await subscribedBusiness("Due Manual ZWG", { plan: "pro", provider: "none", currency: "ZWG", periodEnd: new Date(at.getTime() + 1.5 * DAY) });
    const notDue = await subscribedBusiness("Not Due", { periodEnd: new Date(at.getTime() + 10 * DAY) });
    const stripe = await subscribedBusiness("Stripe Billed", { provider: "stripe", periodEnd: new Date(at.getTime() + DAY) });
    const free = await subscribedBusiness("Free", { plan: "free", provider: "none", periodEnd: new Date(at.getTime() + DAY) });
    const cancelled = await subscribedBusiness("Cancelled", { cancelAtPeriodEnd: true, periodEnd: new Date(at.getTime() + DAY) });

    const businessIds = [due, manual, notDue, stripe, free, cancelled].map((s) => s.business.id);
    const result = await runBilling({ now: at, businessIds });
    expect(result.completed).toBe(true);
    expect(result.invoiced).toBe(2);

    const [invoice] = await renewalInvoicesOf(due.subscriptionId);
    const periodEnd = new Date(at.getTime() + 2 * DAY);
    expect(invoice).toMatchObject({
      status: "open",
      provider: "paynow",
      currency: "USD",
      totalCents: 2_999,
      amountDueCents: 2_999,
      plan: "basic",
      periodStart: periodEnd,
      periodEnd: addMonthsUtc(periodEnd, 1),
      dueAt: periodEnd,
      lines: [{ description: "Tangabiz Basic plan, 1 month", quantity: 1, unitAmountCents: 2_999, amountCents: 2_999 }],
    });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(invoice.paymentToken).toMatch(/^[\w-]{43}$/);
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: due.business.id, template: "invoice-issued" } });
    expect(email.subject).toContain(invoice.number);
    expect(email.html).toContain(`/pay/${invoice.paymentToken}`);
    expect(email.text).toContain("$29.99");

    const [zwg] = await renewalInvoicesOf(manual.subscriptionId);
    expect(zwg).toMatchObject({ currency: "ZWG", totalCents: 135_000, plan: "pro", provider: "paynow" });

    for (const other of [notDue, stripe, free, cancelled]) expect(await renewalInvoicesOf(other.subscriptionId)).toEqual([]);

    const again = await runBilling({ now: at, businessIds });
    expect(again).toMatchObject({ completed: true, due: 0, invoiced: 0 });
    expect(await prisma.invoice.count({ where: { subscriptionId: { in: [due.subscriptionId, manual.subscriptionId] } } })).toBe(2);
  });

  it("moves a subscription cancelled at period end to Free once the period is over, without an invoice", async () => {
    const at = now();
    const cancelled = await subscribedBusiness("Cancelled Later", { cancelAtPeriodEnd: true, periodEnd: new Date(at.getTime() - 60_000) });
    const result = await runBilling({ now: at, businessIds: [cancelled.business.id] });
    expect(result.endedToFree).toBeGreaterThanOrEqual(1);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: cancelled.subscriptionId } })).toMatchObject({
      plan: "free",
      provider: "none",
      status: "active",
      cancelAtPeriodEnd: false,
      currentPeriodEnd: null,
    });
    expect(await renewalInvoicesOf(cancelled.subscriptionId)).toEqual([]);
  });
});

describe("cancelling a subscription we bill", () => {
  it("voids the opened renewal and stops renewals; resuming brings the renewal back", async () => {
    const shop = await subscribedBusiness("Cancel Own", { periodEnd: new Date(Date.now() + 2 * DAY) });
    const businessIds = [shop.business.id];
    await runBilling({ businessIds });
    const [first] = await renewalInvoicesOf(shop.subscriptionId);
    const cancelled = await call(cancelRoute.DELETE, "/api/billing/subscription", { method: "DELETE", cookie: shop.owner.cookie });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.subscription).toMatchObject({ cancelAtPeriodEnd: true, plan: "basic" });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "void" });
    expect(await runBilling({ businessIds })).toMatchObject({ due: 0, invoiced: 0 });

    const resumed = await call(resumeRoute.POST, "/api/billing/subscription/resume", { method: "POST", cookie: shop.owner.cookie });
    expect(resumed.status).toBe(200);
    expect(resumed.json.subscription.cancelAtPeriodEnd).toBe(false);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "open", voidReason: null });
    expect(await runBilling({ businessIds })).toMatchObject({ invoiced: 0 });
    expect(await renewalInvoicesOf(shop.subscriptionId)).toHaveLength(1);
  });
});

describe("billing run: concurrency and interruption", () => {
  it("two runs at once open one invoice per subscription", async () => {
    const subs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => subscribedBusiness(`Race ${i}`, { periodEnd: new Date(Date.now() + 2 * DAY + i * 60_000) })),
    );
    const businessIds = subs.map((s) => s.business.id);
    const [a, b] = await Promise.all([runBilling({ batchSize: 2, businessIds }), runBilling({ batchSize: 2, businessIds })]);
    expect(a.completed && b.completed).toBe(true);
    for (const sub of subs) expect(await renewalInvoicesOf(sub.subscriptionId)).toHaveLength(1);
    const numbers = await prisma.invoice.findMany({ where: { subscriptionId: { in: subs.map((s) => s.subscriptionId) } }, select: { number: true } });
    expect(new Set(numbers.map((n) => n.number)).size).toBe(6);
  });

  it("a run killed after N operations and run again invoices everything exactly once, for several N", async () => {
    for (const n of [0, 1, 3, 4]) {
      // Earlier iterations' subscriptions are already invoiced; these four are new.
      const subs = await Promise.all(
        Array.from({ length: 4 }, (_, i) => subscribedBusiness(`Kill ${n}-${i}`, { periodEnd: new Date(Date.now() + 2 * DAY) })),
      );
      const businessIds = subs.map((s) => s.business.id);
      const killed = runBilling({ batchSize: 3, interruptAfter: n, businessIds });
      if (n < 4) await expect(killed).rejects.toBeInstanceOf(BillingRunInterrupted);
      else await killed;
      const opened = await prisma.invoice.count({ where: { subscriptionId: { in: subs.map((s) => s.subscriptionId) } } });
      expect(opened).toBeLessThanOrEqual(n);
      await runBilling({ businessIds });
      await runBilling({ businessIds });
      for (const sub of subs) expect(await renewalInvoicesOf(sub.subscriptionId)).toHaveLength(1);
      const emails = await prisma.emailMessage.count({ where: { businessId: { in: subs.map((s) => s.business.id) }, template: "invoice-issued" } });
      expect(emails).toBe(4);
    }
  });
});

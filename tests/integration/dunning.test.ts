import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as dunningCron from "@/app/api/cron/dunning/route";
import * as meRoute from "@/app/api/v1/me/route";
import { forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import { addMonthsUtc } from "@/lib/billing/billing-period";
import { runBilling } from "@/lib/billing/run-billing";
import { runDunning } from "@/lib/billing/run-dunning";
import { prisma } from "@/lib/db";
import { withKey } from "../helpers/api-key";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";
import { call } from "../helpers/http";
import { payWithToken, postCallback } from "../helpers/paynow-flows";

const HOUR = 3_600_000;

async function emailCounts(businessId: string) {
  const rows = await prisma.emailMessage.groupBy({ by: ["template"], where: { businessId }, _count: true });
  return Object.fromEntries(rows.map((row) => [row.template, row._count]));
}

async function subscriptionOf(id: string) {
  return prisma.subscription.findUniqueOrThrow({ where: { id } });
}

describe("dunning: each step at its day, once", () => {
  it("reminds, marks past due, warns, suspends (keys 403), and a payment through the pay link reactivates", async () => {
    const shop = await subscribedBusiness("Dunning Shop", { periodEnd: new Date(Date.now() + 6 * DAY) });
    await runBilling({ leadDays: 7, businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    const due = invoice.dueAt!.getTime();
    const at = (offset: number) => new Date(due + offset);

    await runDunning({ now: at(-4 * DAY), businessIds: [shop.business.id] });
    expect(await prisma.dunningStep.count({ where: { invoiceId: invoice.id } })).toBe(0);

    await runDunning({ now: at(-3 * DAY + HOUR), businessIds: [shop.business.id] });
    await runDunning({ now: at(-3 * DAY + 2 * HOUR), businessIds: [shop.business.id] });
    expect(await emailCounts(shop.business.id)).toMatchObject({ "invoice-issued": 1, "payment-reminder": 1 });
    expect((await subscriptionOf(shop.subscriptionId)).status).toBe("active");

    await runDunning({ now: at(HOUR), businessIds: [shop.business.id] });
    expect((await subscriptionOf(shop.subscriptionId)).status).toBe("past_due");
    const pastDueKey = await withKey(meRoute.GET, "/api/v1/me", shop.apiKey);
    expect(pastDueKey.status).toBe(200);
    expect(pastDueKey.headers.get("tangabiz-billing-warning")).toMatch(/^past_due/);

    await runDunning({ now: at(DAY + HOUR), businessIds: [shop.business.id] });
    await runDunning({ now: at(7 * DAY + HOUR), businessIds: [shop.business.id] });
    await runDunning({ now: at(7 * DAY + 2 * HOUR), businessIds: [shop.business.id] });
    expect((await subscriptionOf(shop.subscriptionId)).status).toBe("past_due");

    await runDunning({ now: at(14 * DAY + HOUR), businessIds: [shop.business.id] });
    await runDunning({ now: at(14 * DAY + 2 * HOUR), businessIds: [shop.business.id] });
    expect((await subscriptionOf(shop.subscriptionId)).status).toBe("suspended");
    const steps = await prisma.dunningStep.findMany({ where: { invoiceId: invoice.id }, orderBy: { at: "asc" } });
    expect(steps.map((s) => [s.step, s.emailed])).toEqual([
      ["reminder", true],
      ["past_due", false],
      ["overdue", true],
      ["final_warning", true],
      ["suspension", true],
    ]);
    expect(await emailCounts(shop.business.id)).toMatchObject({
      "invoice-issued": 1,
      "payment-reminder": 1,
      "overdue-notice": 1,
      "final-warning": 1,
      "suspension-notice": 1,
    });
    const suspension = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: shop.business.id, template: "suspension-notice" } });
    expect(suspension.html).toContain(`/pay/${invoice.paymentToken}`);

    forgetAllCachedApiKeys();
    const blocked = await withKey(meRoute.GET, "/api/v1/me", shop.apiKey);
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe("subscription_inactive");

    // Pay the open invoice through its public pay link with EcoCash (fake Paynow).
    const pay = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0771111111" });
    expect(pay.status).toBe(201);
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
    await fakePaynow.settle(payment.externalReference!, "Paid");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);

    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "paid" });
    const reactivated = await subscriptionOf(shop.subscriptionId);
    expect(reactivated).toMatchObject({ status: "active", currentPeriodStart: invoice.periodStart, currentPeriodEnd: addMonthsUtc(invoice.dueAt!, 1) });
    expect(await emailCounts(shop.business.id)).toMatchObject({ "reactivation-confirmation": 1 });
    forgetAllCachedApiKeys();
    expect((await withKey(meRoute.GET, "/api/v1/me", shop.apiKey)).status).toBe(200);

    await runDunning({ now: at(20 * DAY), businessIds: [shop.business.id] });
    expect(await prisma.dunningStep.count({ where: { invoiceId: invoice.id } })).toBe(5);
  });

  it("a late run takes the steps it missed but emails only the latest one", async () => {
    const shop = await subscribedBusiness("Late Cron Shop", { periodEnd: new Date(Date.now() + 2 * DAY) });
    const businessIds = [shop.business.id];
    await runBilling({ businessIds });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    const late = new Date(invoice.dueAt!.getTime() + 8 * DAY);
    await Promise.all([runDunning({ now: late, businessIds }), runDunning({ now: late, businessIds })]);
    const steps = await prisma.dunningStep.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => [s.step, s.emailed])).toEqual([
      ["reminder", false],
      ["past_due", false],
      ["overdue", false],
      ["final_warning", true],
    ]);
    const counts = await emailCounts(shop.business.id);
    expect(counts["final-warning"]).toBe(1);
    expect(counts["payment-reminder"]).toBeUndefined();
    expect(counts["overdue-notice"]).toBeUndefined();
    expect((await subscriptionOf(shop.subscriptionId)).status).toBe("past_due");
  });

  it("runs from the daily cron route", async () => {
    const res = await call(dunningCron.GET, "/api/cron/dunning", { headers: { authorization: "Bearer test-cron-secret-0123456789" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ job: "dunning", completed: true });
  });
});

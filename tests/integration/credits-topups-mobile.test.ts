import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as topupRoute from "@/app/api/credits/topups/route";
import * as apiTopupRoute from "@/app/api/v1/checkout/topup/route";
import { rollPlanPeriods } from "@/lib/credits/plan-credits";
import { prisma } from "@/lib/db";
import { call } from "../helpers/http";
import { withKey } from "../helpers/api-key";
import { creditInvariants, creditsBusiness, getCredits, reserveJob } from "../helpers/credits";
import { createInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";

type Handler = Parameters<typeof call>[0];
const buy = (cookie: string, body: unknown) => call(topupRoute.POST as Handler, "/api/credits/topups", { cookie, body });

async function payByEcoCash(token: string) {
  const res = await payWithToken(token, { method: "ecocash", phone: "0771111111" });
  if (res.status !== 201) throw new Error(`pay failed: ${res.status} ${JSON.stringify(res.json)}`);
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
  await fakePaynow.settle(payment.externalReference!, "Paid");
  return fakePaynow.statusBody(payment.externalReference!);
}

describe("credit top-ups by mobile money (Paynow invoice with a pay link)", () => {
  it("issues an invoice with a pay link; the paid callback grants the credits once, however often it arrives", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Mobile Topup");
    const before = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    const res = await buy(owner.cookie, { pack: 2000, provider: "mobile_money", currency: "ZWG" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      orderId: expect.any(String),
      invoice: { number: expect.stringMatching(/^INV-\d{4}-\d{6}$/), amountCents: 48_500, currency: "ZWG", payUrl: expect.stringMatching(/^http:\/\/localhost:3000\/pay\/[\w-]{43}$/) },
    });
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: res.json.invoice.id } });
    expect(invoice).toMatchObject({ plan: null, status: "open", provider: "paynow", amountDueCents: 48_500 });

    const callback = await payByEcoCash(invoice.paymentToken!);
    const results = await Promise.all(Array.from({ length: 6 }, () => postCallback(callback)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);

    expect(await prisma.order.findUniqueOrThrow({ where: { id: res.json.orderId } })).toMatchObject({ status: "paid", credits: 2_000 });
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 2_000, buckets: { topup: { balance: 2_000 }, plan: { balance: 0 } } });
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id } })).toBe(1);
    // One email for one purchase: the order receipt, not also "payment received".
    const paymentEmails = await prisma.emailMessage.findMany({ where: { businessId: business.id, template: { in: ["order-receipt", "payment-received"] } }, select: { template: true } });
    expect(paymentEmails).toEqual([{ template: "order-receipt" }]);
    // A top-up buys credits, not a period: the subscription is untouched.
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({
      plan: before.plan,
      currentPeriodEnd: before.currentPeriodEnd,
    });
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("a key starts the same flow and gets the pay link", async () => {
    const { business, apiKey } = await creditsBusiness("Mobile App Topup");
    const res = await withKey(apiTopupRoute.POST as Handler, "/api/v1/checkout/topup", apiKey, { body: { pack: 1000, provider: "mobile_money" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ provider: "mobile_money", url: expect.stringMatching(/^http:\/\/localhost:3000\/pay\//) });
    expect(await prisma.order.findFirstOrThrow({ where: { businessId: business.id } })).toMatchObject({ amountCents: 1_000, currency: "USD", provider: "paynow" });
  });

  it("a plan paid with mobile money grants its period's credits; a prepaid next period is granted when it starts, and the rest expires", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Mobile Plan Credits");
    const first = await createInvoice(owner.cookie, { plan: "basic", currency: "USD" });
    const firstInvoice = await prisma.invoice.findUniqueOrThrow({ where: { id: first.json.invoice.id } });
    await postCallback(await payByEcoCash(firstInvoice.paymentToken!));
    const paid = await prisma.invoice.findUniqueOrThrow({ where: { id: firstInvoice.id } });
    expect((await getCredits(apiKey)).json).toMatchObject({
      balance: 1_000,
      buckets: { plan: { balance: 1_000 } },
      cycle: { start: paid.periodStart!.toISOString(), end: paid.periodEnd!.toISOString() },
    });

    const job = await reserveJob(apiKey, { requestedSeconds: 500 });
    expect(job.status).toBe(201);

    const second = await createInvoice(owner.cookie, { plan: "basic", currency: "USD" });
    const secondInvoice = await prisma.invoice.findUniqueOrThrow({ where: { id: second.json.invoice.id } });
    await postCallback(await payByEcoCash(secondInvoice.paymentToken!));
    expect(await prisma.creditPlanGrant.count({ where: { businessId: business.id } })).toBe(2);
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 1_000, reserved: 100 });

    const nextStart = paid.periodEnd!;
    // The roll covers every business; other test files share the PostgreSQL database, so count this one's grant.
    await rollPlanPeriods(new Date(nextStart.getTime() + 60_000));
    expect(await prisma.creditPlanGrant.count({ where: { businessId: business.id, grantedAt: { not: null } } })).toBe(2);
    expect(await prisma.creditLedgerEntry.findMany({ where: { businessId: business.id }, orderBy: { createdAt: "asc" }, select: { kind: true, delta: true } })).toEqual([
      { kind: "plan_grant", delta: 1_000 },
      { kind: "plan_expiry", delta: -900 },
      { kind: "plan_grant", delta: 1_000 },
    ]);
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 1_100, reserved: 100, available: 1_000 });
    await rollPlanPeriods(new Date(nextStart.getTime() + 120_000));
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id } })).toBe(3);
    expect(await creditInvariants(business.id)).toEqual([]);
  });
});

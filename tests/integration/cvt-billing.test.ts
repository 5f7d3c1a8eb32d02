import { fakeCvt } from "../helpers/cvt";
import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import { runBilling } from "@/lib/billing/run-billing";
import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { replaceCvtClient } from "@/lib/payments/cvt/client";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";
import { payWithToken, postCallback } from "../helpers/paynow-flows";
import { env } from "@/lib/env";
import { findDueSubscriptions, openRenewalInvoices } from "@/lib/billing/open-renewal-invoices";
import { chargeInvoicesWithCvt } from "@/lib/payments/cvt/charge-invoice";
import { startWebhookReceiver } from "../fakes/webhook-receiver";
import { addEndpoint } from "../helpers/webhooks";

let customer = 0;
async function cvtBusiness(name: string, behaviour?: "fail" | "pending" | "error500" | "hang" | "reject400") {
  const cvtCustomerId = `cus_${name.replace(/\W/g, "")}_${++customer}`;
  if (behaviour) fakeCvt.chargeBehaviour.set(cvtCustomerId, behaviour);
  const shop = await subscribedBusiness(name, { provider: "cvt", plan: "pro", cvtCustomerId, periodEnd: new Date(Date.now() + 2 * DAY) });
  return { ...shop, cvtCustomerId };
}

const chargesFor = (customerId: string) => [...fakeCvt.charges.values()].filter((c) => c.customer_id === customerId);

describe("CVT charges in the billing run", () => {
  it("charges once with the invoice's idempotency key; a synchronous success settles and extends exactly one period", async () => {
    replaceCvtClient({ retries: 0 });
    const shop = await cvtBusiness("CVT Paid");
    const before = await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } });
    const result = await runBilling({ businessIds: [shop.business.id] });
    expect(result).toMatchObject({ completed: true });
    expect(result.charged).toBeGreaterThanOrEqual(1);

    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    expect(invoice).toMatchObject({ provider: "cvt", status: "paid", totalCents: 4_999, amountDueCents: 0, amountPaidCents: 4_999 });
    const [charge] = chargesFor(shop.cvtCustomerId);
    expect(charge).toMatchObject({ amount: 4_999, currency: "USD", description: `Tangabiz invoice ${invoice.number}`, metadata: { invoice_id: invoice.id } });
    expect(charge.idempotencyKey).toBe(`tangabiz-invoice-${invoice.id}`);
    const call = fakeCvt.calls.find((c) => c.idempotencyKey === charge.idempotencyKey)!;
    expect(call.authorization).toBe(`Bearer ${fakeCvt.secret}`);

    const after = await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } });
    expect(after).toMatchObject({ status: "active", provider: "cvt", currentPeriodStart: before.currentPeriodEnd, currentPeriodEnd: invoice.periodEnd });
    expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({
      provider: "cvt",
      status: "paid",
      providerReference: charge.id,
    });
    expect(await prisma.emailMessage.count({ where: { businessId: shop.business.id, template: "payment-received" } })).toBe(1);
    expect(await prisma.creditPlanGrant.findMany({ where: { businessId: shop.business.id } })).toMatchObject([
      { periodStart: invoice.periodStart, periodEnd: invoice.periodEnd, credits: 2_500, source: "cvt", invoiceId: invoice.id },
    ]);

    await runBilling({ businessIds: [shop.business.id] });
    expect(fakeCvt.requestsPerKey.get(charge.idempotencyKey)).toBe(1);
    expect(chargesFor(shop.cvtCustomerId)).toHaveLength(1);
  });

  it("a failed charge marks the subscription past due and emails the owner CVT's reason; the pay link stays", async () => {
    const shop = await cvtBusiness("CVT Declined", "fail");
    await runBilling({ businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    expect(invoice.status).toBe("open");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({ status: "past_due" });
    const payment = await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({ status: "failed", failureReason: "CVT declined the charge: Insufficient funds on the CVT account" });
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: shop.business.id, template: "payment-failed" } });
    expect(email.text).toContain("Insufficient funds on the CVT account");
    expect(email.html).toContain(`/pay/${invoice.paymentToken}`);
  });

  it("after a failed charge the owner pays the same invoice with mobile money through its pay link", async () => {
    const shop = await cvtBusiness("CVT Then Wallet", "fail");
    await runBilling({ businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    const pay = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0771111111" });
    expect(pay.status).toBe(201);
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
    await fakePaynow.settle(payment.externalReference!, "Paid");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "paid" });
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({
      status: "active",
      provider: "cvt",
      currentPeriodEnd: invoice.periodEnd,
    });
  });

  it("a pending charge waits for the webhook", async () => {
    const shop = await cvtBusiness("CVT Pending", "pending");
    await runBilling({ businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    expect(invoice.status).toBe("open");
    const [charge] = chargesFor(shop.cvtCustomerId);
    expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ status: "pending", providerReference: charge.id });
  });

  it("CVT down: bounded retries per attempt, the job retries later with the same key, and one charge exists in the end", async () => {
    replaceCvtClient({ retries: 1, backoffMs: 10, timeoutMs: 300 });
    const shop = await cvtBusiness("CVT Flaky", "error500");
    await runBilling({ businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    const key = `tangabiz-invoice-${invoice.id}`;
    expect(fakeCvt.requestsPerKey.get(key)).toBe(2);
    const job = await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `cvt.charge:${invoice.id}` } });
    expect(job).toMatchObject({ status: "queued", attempts: 1, lastError: "CVT answered HTTP 500" });

    fakeCvt.chargeBehaviour.delete(shop.cvtCustomerId);
    await runDueJobs({ kinds: ["cvt.charge"], now: () => new Date(Date.now() + 2 * 60_000) });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "paid" });
    expect(chargesFor(shop.cvtCustomerId)).toHaveLength(1);
    replaceCvtClient({ retries: 0 });
  });

  it("opens the circuit after repeated outages, then fails fast without calling CVT", async () => {
    const client = replaceCvtClient({ retries: 0, timeoutMs: 200, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50 } });
    const hanging = await Promise.all([1, 2, 3].map((i) => cvtBusiness(`CVT Hang ${i}`, "hang")));
    await runBilling({ businessIds: hanging.map((s) => s.business.id) });
    expect(client.isOpen).toBe(true);

    const healthy = await cvtBusiness("CVT After Outage");
    await runBilling({ businessIds: [healthy.business.id] });
    const [invoice] = await renewalInvoicesOf(healthy.subscriptionId);
    expect(fakeCvt.requestsPerKey.get(`tangabiz-invoice-${invoice.id}`)).toBeUndefined();
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `cvt.charge:${invoice.id}` } })).toMatchObject({
      status: "queued",
      lastError: "CVT is failing; its circuit breaker is open",
    });
    replaceCvtClient({ retries: 0 });
  });

  it("a batch of charges settles each invoice as one charge would: suspended, voided, declined and webhook-subscribed businesses in one transaction", async () => {
    replaceCvtClient({ retries: 0 });
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
    const receiver = await startWebhookReceiver();
    try {
      const plain = await cvtBusiness("Batch Plain");
      const suspended = await cvtBusiness("Batch Suspended");
      const subscribed = await cvtBusiness("Batch Subscribed");
      const voided = await cvtBusiness("Batch Voided");
      const declined = await cvtBusiness("Batch Declined", "fail");
      const shops = [plain, suspended, subscribed, voided, declined];
      await addEndpoint(subscribed.owner.cookie, receiver, "/batch", ["invoice.paid", "payment.succeeded", "subscription.updated"]);
      const now = new Date();
      const due = await findDueSubscriptions(new Date(now.getTime() + 3 * DAY), "", 10, shops.map((s) => s.business.id));
      const { opened } = await openRenewalInvoices(due, now);
      expect(opened).toHaveLength(5);
      const invoiceOf = (shop: (typeof shops)[number]) => opened.find((o) => o.businessId === shop.business.id)!.id;
      await prisma.subscription.update({ where: { id: suspended.subscriptionId }, data: { status: "suspended" } });
      const beforeVoided = await prisma.subscription.findUniqueOrThrow({ where: { id: voided.subscriptionId } });
      // The period is paid by card while its CVT charge is in flight.
      fakeCvt.whileCharging = async (charge) => {
        if (charge.customer_id !== voided.cvtCustomerId) return;
        await prisma.invoice.update({ where: { id: invoiceOf(voided) }, data: { status: "void", voidReason: "paid by card" } });
      };

      const errors = await chargeInvoicesWithCvt([...shops.map((shop) => ({ invoiceId: invoiceOf(shop) })), { invoiceId: "no-such-invoice" }]);
      expect(errors.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(errors[5]?.message).toBe("Invoice no-such-invoice no longer exists");

      for (const shop of [plain, suspended, subscribed]) {
        const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceOf(shop) } });
        expect(invoice).toMatchObject({ status: "paid", amountPaidCents: 4_999, amountDueCents: 0 });
        expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({
          status: "active",
          currentPeriodStart: invoice.periodStart,
          currentPeriodEnd: invoice.periodEnd,
        });
        expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ status: "paid", flaggedForReview: false });
        expect(await prisma.creditPlanGrant.count({ where: { businessId: shop.business.id, invoiceId: invoice.id } })).toBe(1);
        const receipt = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: shop.business.id, template: "payment-received" } });
        expect(receipt.subject).toBe(`Payment received: $49.99 for ${invoice.number}`);
      }
      expect(await prisma.emailMessage.count({ where: { businessId: suspended.business.id, template: "reactivation-confirmation" } })).toBe(1);
      expect(await prisma.emailMessage.count({ where: { businessId: plain.business.id, template: "reactivation-confirmation" } })).toBe(0);
      const deliveries = await prisma.webhookDelivery.findMany({ where: { businessId: { in: shops.map((s) => s.business.id) } } });
      expect(deliveries.map((d) => [d.businessId, d.eventType]).sort()).toEqual(
        ["invoice.paid", "payment.succeeded", "subscription.updated"].map((type) => [subscribed.business.id, type]),
      );

      // The money for a voided invoice is kept and flagged for a person; the subscription is not extended.
      expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoiceOf(voided) } })).toMatchObject({
        status: "paid",
        flaggedForReview: true,
        failureReason: "The invoice was voided (paid by card) before this payment arrived; refund or credit it.",
      });
      expect(await prisma.subscription.findUniqueOrThrow({ where: { id: voided.subscriptionId } })).toEqual(beforeVoided);
      expect(await prisma.emailMessage.count({ where: { businessId: voided.business.id, template: "payment-received" } })).toBe(0);

      expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoiceOf(declined) } })).toMatchObject({ status: "failed" });
      expect(await prisma.subscription.findUniqueOrThrow({ where: { id: declined.subscriptionId } })).toMatchObject({ status: "past_due" });

      // The same batch again (a retried job) charges and settles nothing twice.
      expect(await chargeInvoicesWithCvt(shops.map((shop) => ({ invoiceId: invoiceOf(shop) })))).toEqual(shops.map(() => undefined));
      for (const shop of shops) expect(chargesFor(shop.cvtCustomerId)).toHaveLength(1);
      expect(await prisma.emailMessage.count({ where: { businessId: { in: shops.map((s) => s.business.id) }, template: "payment-received" } })).toBe(3);
    } finally {
      fakeCvt.whileCharging = null;
      await receiver.close();
    }
  });
});

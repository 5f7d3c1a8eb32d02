import { fakeCvt } from "../helpers/cvt";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as webhook from "@/app/api/webhooks/cvt/route";
import { runBilling } from "@/lib/billing/run-billing";
import { prisma } from "@/lib/db";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";
import { call } from "../helpers/http";

let customer = 0;
async function pendingCvtInvoice(name: string) {
  const cvtCustomerId = `cus_wh_${++customer}_${Date.now()}`;
  fakeCvt.chargeBehaviour.set(cvtCustomerId, "pending");
  const shop = await subscribedBusiness(name, { provider: "cvt", plan: "basic", cvtCustomerId, periodEnd: new Date(Date.now() + 2 * DAY) });
  await runBilling({ businessIds: [shop.business.id] });
  const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
  const charge = [...fakeCvt.charges.values()].find((c) => c.customer_id === cvtCustomerId)!;
  return { ...shop, cvtCustomerId, invoice, charge };
}

function post(body: string, signature?: string) {
  return call(webhook.POST, "/api/webhooks/cvt", { rawBody: body, headers: signature === undefined ? {} : { "cvt-signature": signature } });
}

function deliver(type: string, data: object, id?: string) {
  const event = fakeCvt.signedEvent(type, data, id);
  return post(event.body, event.signature).then((res) => ({ ...res, eventId: event.id }));
}

const chargeData = (shop: Awaited<ReturnType<typeof pendingCvtInvoice>>, extra: object = {}) => ({
  id: shop.charge.id,
  customer_id: shop.cvtCustomerId,
  amount: shop.charge.amount,
  currency: shop.charge.currency,
  metadata: { invoice_id: shop.invoice.id },
  ...extra,
});

describe("CVT webhook signature", () => {
  const body = JSON.stringify({ id: "evt_sig", type: "charge.succeeded", data: { id: "ch_x", customer_id: "cus_nobody" } });
  const good = createHmac("sha256", fakeCvt.webhookSecret).update(body).digest("hex");

  it.each([
    ["missing", 400, "invalid_signature", undefined],
    ["not hex", 400, "invalid_signature", "z".repeat(64)],
    ["too short", 400, "invalid_signature", good.slice(0, 20)],
    ["wrong secret", 401, "invalid_signature", createHmac("sha256", "other").update(body).digest("hex")],
    ["body changed after signing", 401, "invalid_signature", createHmac("sha256", fakeCvt.webhookSecret).update(body + " ").digest("hex")],
  ])("%s → %i %s, nothing written", async (_label, status, code, signature) => {
    const res = await post(body, signature);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(await prisma.webhookEvent.count({ where: { provider: "cvt", eventId: "evt_sig" } })).toBe(0);
  });

  it("a good signature over an unknown customer's event → 200, recorded as ignored", async () => {
    const res = await post(body, good);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ received: true, outcome: "ignored" });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { provider_eventId: { provider: "cvt", eventId: "evt_sig" } } })).toMatchObject({
      status: "ignored",
      type: "charge.succeeded",
    });
  });

  it("signed but not an event → 422, nothing recorded", async () => {
    const junk = JSON.stringify({ hello: "world" });
    const res = await post(junk, createHmac("sha256", fakeCvt.webhookSecret).update(junk).digest("hex"));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
  });
});

describe("CVT webhook events", () => {
  it("charge.succeeded settles the invoice, activates the subscription and queues a receipt", async () => {
    const shop = await pendingCvtInvoice("Webhook Paid");
    const res = await deliver("charge.succeeded", chargeData(shop));
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe("paid");
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: shop.invoice.id } })).toMatchObject({ status: "paid", amountDueCents: 0 });
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({
      status: "active",
      currentPeriodEnd: shop.invoice.periodEnd,
    });
    expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: shop.invoice.id } })).toMatchObject({ status: "paid", providerReference: shop.charge.id });
    expect(await prisma.emailMessage.count({ where: { businessId: shop.business.id, template: "payment-received" } })).toBe(1);
  });

  it("the same event ×10 at once has one effect", async () => {
    const shop = await pendingCvtInvoice("Webhook Tenfold");
    const event = fakeCvt.signedEvent("charge.succeeded", chargeData(shop));
    const results = await Promise.all(Array.from({ length: 10 }, () => post(event.body, event.signature)));
    for (const res of results) expect([200, 409]).toContain(res.status);
    expect(results.filter((r) => r.status === 200 && r.json.outcome === "paid")).toHaveLength(1);
    expect(await prisma.payment.count({ where: { invoiceId: shop.invoice.id, status: "paid" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { businessId: shop.business.id, template: "payment-received" } })).toBe(1);
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } });
    expect(sub.currentPeriodEnd).toEqual(shop.invoice.periodEnd);
    expect(await prisma.webhookEvent.count({ where: { provider: "cvt", eventId: event.id } })).toBe(1);
  });

  it("charge.failed: payment failed with CVT's message, past due, payment-failed email; a later charge.succeeded still settles", async () => {
    const shop = await pendingCvtInvoice("Webhook Out Of Order");
    const failed = await deliver("charge.failed", chargeData(shop, { error_message: "Card expired at CVT" }));
    expect(failed.json.outcome).toBe("failed");
    expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: shop.invoice.id } })).toMatchObject({
      status: "failed",
      failureReason: "CVT declined the charge: Card expired at CVT",
    });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).status).toBe("past_due");
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: shop.business.id, template: "payment-failed" } });
    expect(email.text).toContain("Card expired at CVT");

    const succeeded = await deliver("charge.succeeded", chargeData(shop));
    expect(succeeded.json.outcome).toBe("paid");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: shop.invoice.id } })).status).toBe("paid");
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).status).toBe("active");

    const lateFailure = await deliver("charge.failed", chargeData(shop, { error_message: "late" }));
    expect(lateFailure.json.outcome).toBe("duplicate");
    expect((await prisma.payment.findFirstOrThrow({ where: { invoiceId: shop.invoice.id } })).status).toBe("paid");
  });

  it("subscription.updated syncs plan and status; an older event changes nothing", async () => {
    const shop = await pendingCvtInvoice("Webhook Sub Updated");
    const newer = fakeCvt.signedEvent("subscription.updated", { customer_id: shop.cvtCustomerId, plan: "enterprise", status: "active" });
    expect((await post(newer.body, newer.signature)).json.outcome).toBe("processed");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({ plan: "enterprise", status: "active" });

    const olderBody = JSON.stringify({
      id: "evt_older_" + shop.subscriptionId,
      type: "subscription.updated",
      created: Math.floor(Date.now() / 1000) - 3600,
      data: { customer_id: shop.cvtCustomerId, plan: "basic", status: "past_due" },
    });
    const older = await post(olderBody, createHmac("sha256", fakeCvt.webhookSecret).update(olderBody).digest("hex"));
    expect(older.json.outcome).toBe("ignored");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({ plan: "enterprise", status: "active" });
  });

  it("subscription.canceled: runs until ends_at, then the billing run moves it to Free; renewals after it are voided", async () => {
    const shop = await pendingCvtInvoice("Webhook Cancelled");
    const endsAt = shop.invoice.periodStart!;
    const res = await deliver("subscription.canceled", { customer_id: shop.cvtCustomerId, ends_at: endsAt.toISOString() });
    expect(res.json.outcome).toBe("processed");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({
      cancelAtPeriodEnd: true,
      currentPeriodEnd: endsAt,
    });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: shop.invoice.id } })).toMatchObject({
      status: "void",
      voidReason: "The CVT subscription was cancelled.",
    });
    await runBilling({ now: new Date(endsAt.getTime() + 60_000), businessIds: [shop.business.id] });
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).toMatchObject({ plan: "free", provider: "none" });
  });
});

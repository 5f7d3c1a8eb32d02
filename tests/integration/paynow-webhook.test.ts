import { fakePaynow, PAYNOW_KEY } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { paynowHash } from "@/lib/payments/paynow/hash";
import { businessWithInvoice, createInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";

async function pendingPayment(plan = "basic", phone = "0779999999") {
  const setup = await businessWithInvoice(plan);
  const res = await payWithToken(setup.token, { method: "ecocash", phone });
  if (res.status !== 201) throw new Error(`pay failed: ${res.status} ${JSON.stringify(res.json)}`);
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
  return { ...setup, payment, reference: payment.externalReference! };
}

const state = async (paymentId: string, invoiceId: string, businessId: string) => ({
  payment: await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } }),
  invoice: await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } }),
  subscription: await prisma.subscription.findUniqueOrThrow({ where: { businessId } }),
  received: await prisma.emailMessage.count({ where: { businessId, template: "payment-received" } }),
  failed: await prisma.emailMessage.count({ where: { businessId, template: "payment-failed" } }),
});

describe("POST /api/webhooks/paynow", () => {
  it("Paid: payment paid with Paynow's reference, invoice paid, plan active for a month, email queued", async () => {
    const { business, invoice, payment, reference, owner } = await pendingPayment("pro");
    const before = Date.now();
    const res = await postCallback(fakePaynow.statusBody(reference, { status: "Paid" }));
    expect(res).toMatchObject({ status: 200, text: "OK" });

    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment).toMatchObject({ status: "paid", pendingInvoiceId: null, providerReference: fakePaynow.transaction(reference)!.paynowReference });
    expect(after.payment.paidAt).not.toBeNull();
    expect(after.invoice).toMatchObject({ status: "paid", amountPaidCents: 4999, amountDueCents: 0 });
    expect(after.subscription).toMatchObject({ plan: "pro", status: "active", provider: "paynow" });
    const days = (after.subscription.currentPeriodEnd!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { businessId: business.id, template: "payment-received" } });
    expect(email.to).toBe(owner.email);
    expect(email.subject).toContain(invoice.number);
    expect(email.text).toContain("$49.99");

    const callback = await prisma.paynowCallback.findFirstOrThrow({ where: { reference } });
    expect(callback).toMatchObject({ verified: true, outcome: "paid", paymentId: payment.id });
  });

  it.each(["Awaiting Delivery", "Delivered"])("%s counts as paid", async (status) => {
    const { business, invoice, payment, reference } = await pendingPayment();
    expect((await postCallback(fakePaynow.statusBody(reference, { status }))).status).toBe(200);
    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment.status).toBe("paid");
    expect(after.invoice.status).toBe("paid");
  });

  it("Failed: payment failed with the reason and the failure email; Created and Sent leave it pending", async () => {
    const { business, invoice, payment, reference } = await pendingPayment();
    for (const status of ["Created", "Sent"]) {
      expect((await postCallback(fakePaynow.statusBody(reference, { status }))).status).toBe(200);
      expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("pending");
    }
    expect((await postCallback(fakePaynow.statusBody(reference, { status: "Failed" }))).status).toBe(200);
    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment).toMatchObject({ status: "failed", failureReason: "Paynow reported that the payment failed." });
    expect(after.invoice.status).toBe("open");
    expect(after.failed).toBe(1);
  });

  it("a tampered or missing hash is a 400 that changes nothing, but the raw post is kept", async () => {
    const { business, invoice, payment, reference } = await pendingPayment();
    const genuine = fakePaynow.statusBody(reference, { status: "Paid" });
    const tampered = genuine.replace("amount=29.99", "amount=0.01");
    const noHash = genuine.replace(/&hash=[0-9A-F]+/, "");
    const forged = genuine.replace(/hash=[0-9A-F]+/, `hash=${"A".repeat(128)}`);
    for (const body of [tampered, noHash, forged, "", "garbage"]) {
      const res = await postCallback(body);
      expect(res.status, body).toBe(400);
      expect(res.json.error.code).toMatch(/invalid_signature/);
    }
    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment.status).toBe("pending");
    expect(after.invoice.status).toBe("open");
    expect(after.received).toBe(0);
    const stored = await prisma.paynowCallback.findMany({ where: { reference, verified: false } });
    expect(stored.map((c) => c.body)).toEqual(expect.arrayContaining([tampered, noHash, forged]));
    expect(stored.every((c) => c.outcome === "bad_hash")).toBe(true);
  });

  it("only form posts are accepted (415 otherwise)", async () => {
    const { reference } = await pendingPayment();
    const body = fakePaynow.statusBody(reference, { status: "Paid" });
    const json = await postCallback(JSON.stringify(Object.fromEntries(new URLSearchParams(body))), "application/json");
    expect(json.status).toBe(415);
    expect((await postCallback(body, "text/plain")).status).toBe(415);
    expect((await postCallback(body, "application/x-www-form-urlencoded; charset=utf-8")).status).toBe(200);
  });

  it("an amount other than the one asked is not paid: the payment is flagged for review", async () => {
    const { business, invoice, payment, reference } = await pendingPayment();
    const res = await postCallback(fakePaynow.statusBody(reference, { status: "Paid", amount: "2.99" }));
    expect(res.status).toBe(200);
    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment).toMatchObject({ flaggedForReview: true, status: "failed", pendingInvoiceId: null });
    expect(after.payment.failureReason).toMatch(/2\.99 USD paid, but 29\.99 was asked/);
    expect(after.invoice.status).toBe("open");
    expect(after.subscription.plan).toBe("free");
    expect(after.received).toBe(0);
    // The genuine amount arriving afterwards does not quietly clear the review.
    await postCallback(fakePaynow.statusBody(reference, { status: "Paid" }));
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("failed");
  });

  it("an unknown reference is acknowledged (200) and logged", async () => {
    const fields: [string, string][] = [
      ["reference", "INV-1999-000001-DEADBEEF"],
      ["paynowreference", "99999"],
      ["amount", "29.99"],
      ["status", "Paid"],
    ];
    const signed = new URLSearchParams([...fields, ["hash", paynowHash(fields, PAYNOW_KEY)]]).toString();
    expect((await postCallback(signed)).status).toBe(200);
    const logged = await prisma.paynowCallback.findFirstOrThrow({ where: { reference: "INV-1999-000001-DEADBEEF" } });
    expect(logged).toMatchObject({ verified: true, outcome: "unknown_reference", paymentId: null });
  });

  it("the same callback 10 times at once has one effect", async () => {
    const { business, invoice, payment, reference } = await pendingPayment("enterprise");
    const body = fakePaynow.statusBody(reference, { status: "Paid" });
    const results = await Promise.all(Array.from({ length: 10 }, () => postCallback(body)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));

    const after = await state(payment.id, invoice.id, business.id);
    expect(after.payment.status).toBe("paid");
    expect(after.invoice).toMatchObject({ status: "paid", amountPaidCents: 9999 });
    expect(after.received).toBe(1);
    const outcomes = (await prisma.paynowCallback.findMany({ where: { reference } })).map((c) => c.outcome);
    expect(outcomes.filter((o) => o === "paid")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(9);
    const end = after.subscription.currentPeriodEnd!;

    // Replayed later, and followed by a stale failure: still one effect, and paid stays paid.
    await postCallback(body);
    await postCallback(fakePaynow.statusBody(reference, { status: "Cancelled" }));
    const later = await state(payment.id, invoice.id, business.id);
    expect(later.payment.status).toBe("paid");
    expect(later.subscription.currentPeriodEnd).toEqual(end);
    expect(later.received).toBe(1);
    expect(later.failed).toBe(0);
  });

  it("paying the next invoice for the same plan extends from the end of the paid period", async () => {
    const first = await pendingPayment("basic");
    await postCallback(fakePaynow.statusBody(first.reference, { status: "Paid" }));
    const firstEnd = (await prisma.subscription.findUniqueOrThrow({ where: { businessId: first.business.id } })).currentPeriodEnd!;

    const next = await createInvoice(first.owner.cookie, { plan: "basic" });
    expect(next.status).toBe(201);
    expect(next.json.invoice.periodStart).toBe(firstEnd.toISOString());
    const token = (await prisma.invoice.findUniqueOrThrow({ where: { id: next.json.invoice.id } })).paymentToken!;
    const pay = await payWithToken(token, { method: "ecocash", phone: "0779999999" });
    const { externalReference } = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
    await postCallback(fakePaynow.statusBody(externalReference!, { status: "Paid" }));
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { businessId: first.business.id } });
    const paidNext = await prisma.invoice.findUniqueOrThrow({ where: { id: next.json.invoice.id } });
    expect(paidNext).toMatchObject({ status: "paid", periodStart: firstEnd, periodEnd: sub.currentPeriodEnd });
    const extraDays = (sub.currentPeriodEnd!.getTime() - firstEnd.getTime()) / 86_400_000;
    expect(extraDays).toBeGreaterThanOrEqual(28);
    expect(extraDays).toBeLessThanOrEqual(31);
  });

  it("a second payment for an invoice already paid is kept and flagged, never applied twice", async () => {
    const { business, invoice, payment, reference, token } = await pendingPayment();
    await prisma.payment.update({ where: { id: payment.id }, data: { status: "cancelled", pendingInvoiceId: null } });
    const second = await payWithToken(token, { method: "onemoney", phone: "0712345678" });
    const secondRef = (await prisma.payment.findUniqueOrThrow({ where: { id: second.json.paymentId } })).externalReference!;
    await postCallback(fakePaynow.statusBody(secondRef, { status: "Paid" }));
    // The cancelled prompt was approved after all: the money is recorded, and flagged because the invoice is paid.
    await postCallback(fakePaynow.statusBody(reference, { status: "Paid" }));
    const late = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(late).toMatchObject({ status: "paid", flaggedForReview: true });
    expect((await state(payment.id, invoice.id, business.id)).received).toBe(1);
  });
});

import { fakePaynow } from "../helpers/paynow";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as subscriptionRoute from "@/app/api/billing/subscription/route";
import { runBilling } from "@/lib/billing/run-billing";
import { runDunning } from "@/lib/billing/run-dunning";
import { prisma } from "@/lib/db";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { createInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";
import { subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

describe("card and mobile money never pay one period twice", () => {
  it("card first: a Paynow invoice is refused with 409 until card billing is cancelled, then starts where the card period ends", async () => {
    const { owner, business } = await createBusiness("Card First");
    await subscribe(fake, owner.cookie, "pro");
    const refused = await createInvoice(owner.cookie, { plan: "pro", currency: "USD" });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("card_billing_active");
    expect(refused.json.error.message).toMatch(/Cancel card billing first/);
    expect(await prisma.invoice.count({ where: { businessId: business.id, provider: "paynow" } })).toBe(0);

    const cancelled = await call(subscriptionRoute.DELETE, "/api/billing/subscription", { method: "DELETE", cookie: owner.cookie });
    expect(cancelled.status).toBe(200);
    const card = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(card).toMatchObject({ provider: "stripe", cancelAtPeriodEnd: true });

    const opened = await createInvoice(owner.cookie, { plan: "pro", currency: "USD" });
    expect(opened.status).toBe(201);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: opened.json.invoice.id } });
    expect(invoice.periodStart).toEqual(card.currentPeriodEnd);

    const pay = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0771111111" });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
    await fakePaynow.settle(payment.externalReference!, "Paid");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
    const after = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(after).toMatchObject({ provider: "paynow", plan: "pro", status: "active" });
    expect(after.currentPeriodEnd!.getTime()).toBeGreaterThan(card.currentPeriodEnd!.getTime() + 27 * DAY);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ periodStart: card.currentPeriodEnd });
  });

  it("mobile money first: a card checkout voids the open Paynow invoice, and a Paynow payment that still settles is recorded and flagged", async () => {
    const { owner, business } = await createBusiness("Wallet First");
    const opened = await createInvoice(owner.cookie, { plan: "basic", currency: "USD" });
    expect(opened.status).toBe(201);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: opened.json.invoice.id } });
    const pay = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0775555555" });
    expect(pay.status).toBe(201);

    await subscribe(fake, owner.cookie, "basic");
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "void",
      voidReason: "The period was paid by card (Stripe checkout completed).",
    });
    const card = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(card.provider).toBe("stripe");

    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
    await fakePaynow.settle(payment.externalReference!, "Paid");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
    const settled = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(settled).toMatchObject({ status: "paid", flaggedForReview: true });
    expect(settled.failureReason).toMatch(/^The invoice was voided \(The period was paid by card/);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "void" });
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({
      provider: "stripe",
      currentPeriodEnd: card.currentPeriodEnd,
    });
  });

  it("a renewal invoice from the billing run is voided by a card checkout and dunning leaves it alone", async () => {
    const shop = await subscribedBusiness("Renewal Then Card", { periodEnd: new Date(Date.now() + 2 * DAY) });
    await runBilling({ businessIds: [shop.business.id] });
    const [renewal] = await renewalInvoicesOf(shop.subscriptionId);
    expect(renewal.status).toBe("open");
    await subscribe(fake, shop.owner.cookie, "basic");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: renewal.id } })).status).toBe("void");
    await runDunning({ now: new Date(renewal.dueAt!.getTime() + 15 * DAY), businessIds: [shop.business.id] });
    expect(await prisma.dunningStep.count({ where: { invoiceId: renewal.id } })).toBe(0);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: shop.subscriptionId } })).status).toBe("active");
    await runBilling({ businessIds: [shop.business.id] });
    expect(await renewalInvoicesOf(shop.subscriptionId)).toHaveLength(1);
  });
});

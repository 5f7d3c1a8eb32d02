import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { Stripe } from "@/lib/payments/stripe/client";
import { applyClaimedEvent } from "@/lib/payments/stripe/webhook";
import { claimWebhookEvent } from "@/lib/webhooks/claim-event";
import { createBusiness } from "../helpers/fixtures";
import { deliver, subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

describe("Stripe invoice numbers are not unique across accounts", () => {
  it("an invoice.paid whose number another business's invoice already has is recorded, not failed forever", async () => {
    const first = await createBusiness("First Account Shop");
    const { invoiceId: firstInvoiceId } = await subscribe(fake, first.owner.cookie, "basic");
    const takenNumber = fake.invoices.get(firstInvoiceId)!.number as string;

    const second = await createBusiness("Second Account Shop");
    const { subscriptionId } = await subscribe(fake, second.owner.cookie, "pro");
    const [failed] = fake.failRenewal(subscriptionId);
    const paid = fake.payInvoice(failed.data.object.id).find((e) => e.type === "invoice.paid")!;
    // What a second Stripe account (or test and live data) produces: the same number on another invoice.
    paid.data.object.number = takenNumber;

    const res = await deliver(paid);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ received: true, outcome: "processed" });
    const recorded = await prisma.invoice.findUniqueOrThrow({ where: { externalId: paid.data.object.id } });
    expect(recorded).toMatchObject({ businessId: second.business.id, status: "paid", number: `${takenNumber} (${paid.data.object.id})` });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { externalId: firstInvoiceId } })).businessId).toBe(first.business.id);
    expect(await prisma.payment.count({ where: { provider: "stripe", externalReference: paid.data.object.id, status: "paid" } })).toBe(1);
    expect((await prisma.webhookEvent.findFirstOrThrow({ where: { eventId: paid.id } })).status).toBe("processed");
  });

  it("our own invoice numbers and a Stripe invoice with the same number live side by side", async () => {
    const shop = await createBusiness("Same Number Shop");
    const { invoiceId } = await subscribe(fake, shop.owner.cookie, "basic");
    const stripeNumber = fake.invoices.get(invoiceId)!.number as string;
    await prisma.invoice.create({
      data: { businessId: shop.business.id, number: stripeNumber, provider: "paynow", currency: "USD", subtotalCents: 1, totalCents: 1, amountDueCents: 1, lines: [] },
    });
    expect(await prisma.invoice.count({ where: { number: stripeNumber } })).toBe(2);
  });
});

describe("a webhook claim taken over after its lease", () => {
  it("the slow first attempt cannot commit once a retry took the claim over; the retry's effects stand alone", async () => {
    const { owner, business } = await createBusiness("Slow Attempt Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const [failed] = fake.failRenewal(subscriptionId);
    const paid = fake.payInvoice(failed.data.object.id).find((e) => e.type === "invoice.paid")! as unknown as Stripe.Event;

    // Attempt 1 claims the event, then stalls past the 5-minute lease.
    const slow = await claimWebhookEvent({ provider: "stripe", eventId: paid.id, type: paid.type, payload: paid });
    expect(slow).toMatchObject({ outcome: "claimed", attempt: 1 });
    if (slow.outcome !== "claimed") throw new Error("not claimed");
    const retryBeforeLease = await deliver(paid);
    expect(retryBeforeLease.status).toBe(409);
    await prisma.webhookEvent.update({ where: { id: slow.id }, data: { updatedAt: new Date(Date.now() - 6 * 60_000) } });

    // Stripe's retry takes the claim over and applies the event.
    const retry = await deliver(paid);
    expect(retry.status).toBe(200);
    expect(retry.json.outcome).toBe("processed");
    const auditBefore = await prisma.auditLog.count({ where: { businessId: business.id } });

    // The slow attempt wakes up and tries to finish: refused, nothing of it commits, the event stays processed.
    await expect(applyClaimedEvent(paid, slow)).rejects.toMatchObject({ status: 409, code: "conflict" });
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: slow.id } });
    expect(row).toMatchObject({ status: "processed", attempts: 2, error: null });
    expect(await prisma.auditLog.count({ where: { businessId: business.id } })).toBe(auditBefore);
    expect(await prisma.payment.count({ where: { provider: "stripe", externalReference: (paid.data.object as Stripe.Invoice).id } })).toBe(1);
  });
});

import { afterAll, describe, expect, it, vi } from "vitest";
import * as webhook from "@/app/api/webhooks/stripe/route";
import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { signedDelivery, stripeTest } from "../helpers/stripe";
import { deliver, deliverAll, subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

const subscriptionOf = (businessId: string) => prisma.subscription.findUniqueOrThrow({ where: { businessId } });
const eventRows = (eventId: string) => prisma.webhookEvent.findMany({ where: { provider: "stripe", eventId } });

describe("POST /api/webhooks/stripe: signatures", () => {
  it("refuses tampered, missing, stale and wrongly signed deliveries with 400 and writes nothing", async () => {
    const { owner, business } = await createBusiness("Signature Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const forged = fake.snapshotEvent("customer.subscription.deleted", { ...fake.subscriptions.get(subscriptionId), status: "canceled" });
    const before = await subscriptionOf(business.id);

    const tampered = signedDelivery(forged);
    tampered.rawBody = tampered.rawBody.replace('"canceled"', '"active"');
    const cases = {
      tampered,
      missing: { rawBody: JSON.stringify(forged), headers: { "content-type": "application/json" } },
      stale: signedDelivery(forged, { timestamp: Math.floor(Date.now() / 1000) - 600 }),
      wrongSecret: signedDelivery(forged, { secret: "whsec_someone_else_entirely" }),
      garbage: { rawBody: JSON.stringify(forged), headers: { "stripe-signature": "t=1,v1=deadbeef" } },
    };
    for (const [name, delivery] of Object.entries(cases)) {
      const res = await call(webhook.POST, "/api/webhooks/stripe", delivery);
      expect(res.status, name).toBe(400);
      expect(res.json.error.code, name).toBe("invalid_signature");
    }
    expect(await eventRows(forged.id)).toHaveLength(0);
    expect(await subscriptionOf(business.id)).toEqual(before);
  });
});

describe("POST /api/webhooks/stripe: idempotency", () => {
  it("applies 10 concurrent copies of one event once: one invoice and one payment", async () => {
    const { owner, business } = await createBusiness("Concurrent Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "pro");
    const [failed] = fake.failRenewal(subscriptionId);
    const paid = fake.payInvoice(failed.data.object.id).find((e) => e.type === "invoice.paid")!;

    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(paid)));
    expect(results.filter((r) => r.status === 200 && r.json.outcome === "processed")).toHaveLength(1);
    // The other copies are duplicates (200) or, while the first is still being applied, 409 so Stripe retries.
    const others = results.filter((r) => r.json?.outcome !== "processed");
    expect(others.every((r) => (r.status === 200 && r.json.outcome === "duplicate") || (r.status === 409 && r.json.error.code === "conflict"))).toBe(true);
    expect(others).toHaveLength(9);
    const redelivered = await deliver(paid);
    expect([redelivered.status, redelivered.json.outcome]).toEqual([200, "duplicate"]);

    const invoices = await prisma.invoice.findMany({ where: { externalId: paid.data.object.id } });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ businessId: business.id, status: "paid", amountPaidCents: 4_999, currency: "USD" });
    expect(await prisma.payment.count({ where: { provider: "stripe", externalReference: paid.data.object.id, status: "paid" } })).toBe(1);
    expect((await eventRows(paid.id)).map((e) => e.status)).toEqual(["processed"]);

    const again = await deliver(paid);
    expect(again.json).toMatchObject({ received: true, outcome: "duplicate" });
  });

  it("records invoice.paid and invoice.payment_succeeded of one invoice as one invoice and one payment", async () => {
    const { owner, business } = await createBusiness("Twin Events Shop");
    const { invoiceId } = await subscribe(fake, owner.cookie, "basic");
    const invoice = fake.invoices.get(invoiceId)!;
    const twins = [fake.snapshotEvent("invoice.paid", invoice), fake.snapshotEvent("invoice.payment_succeeded", invoice)];
    await Promise.all([...twins, ...twins].map((event) => deliver(event)));
    const rows = await prisma.invoice.findMany({ where: { businessId: business.id }, include: { payments: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      number: invoice.number,
      provider: "stripe",
      plan: "basic",
      totalCents: 2_999,
      hostedUrl: invoice.hosted_invoice_url,
      pdfUrl: invoice.invoice_pdf,
    });
    expect(rows[0].lines).toEqual([{ description: invoice.lines.data[0].description, quantity: 1, unitAmountCents: 2_999, amountCents: 2_999 }]);
    expect(rows[0].payments).toHaveLength(1);
    expect(rows[0].payments[0]).toMatchObject({ status: "paid", amountCents: 2_999, method: "card" });
  });
});

describe("POST /api/webhooks/stripe: order and state", () => {
  it("keeps a deleted subscription canceled when an older update arrives after it", async () => {
    const { owner, business } = await createBusiness("Out Of Order Shop");
    const { subscriptionId, events: checkoutEvents } = await subscribe(fake, owner.cookie, "pro");
    const subscription = fake.subscriptions.get(subscriptionId)!;
    const olderUpdate = fake.snapshotEvent("customer.subscription.updated", { ...subscription, cancel_at_period_end: true }, { created: Math.floor(Date.now() / 1000) - 60 });
    const deleted = fake.endSubscription(subscriptionId);

    expect((await deliver(deleted)).status).toBe(200);
    const afterDelete = await subscriptionOf(business.id);
    expect(afterDelete).toMatchObject({ plan: "free", status: "active", provider: "none", externalSubscriptionId: null, currentPeriodEnd: null });

    for (const late of [olderUpdate, checkoutEvents.find((e) => e.type === "customer.subscription.created")!]) {
      const res = await deliver({ ...late, id: `${late.id}_late` });
      expect(res.status).toBe(200);
    }
    expect(await subscriptionOf(business.id)).toMatchObject({ plan: "free", externalSubscriptionId: null, lastEventAt: afterDelete.lastEventAt });
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "billing.subscription_ended" } })).toBe(1);
  });

  it("marks the business past_due and emails the owner when a renewal fails, then active when paid", async () => {
    const { owner, business } = await createBusiness("Dunning Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const [failed, updated] = fake.failRenewal(subscriptionId);

    expect((await deliver(failed)).status).toBe(200);
    expect((await subscriptionOf(business.id)).status).toBe("past_due");
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { externalId: failed.data.object.id }, include: { payments: true } });
    expect(invoice).toMatchObject({ status: "open", amountDueCents: 2_999, amountPaidCents: 0 });
    expect(invoice.payments).toMatchObject([{ status: "failed", failureReason: "Card payment failed (attempt 1)" }]);
    await runDueJobs({ businessId: business.id });
    const emails = await prisma.emailMessage.findMany({ where: { businessId: business.id, template: "card-payment-failed" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: owner.email, status: "kept" });
    expect(emails[0].subject).toContain("$29.99");
    expect(emails[0].html).toContain(failed.data.object.hosted_invoice_url);

    expect((await deliver(failed)).json.outcome).toBe("duplicate");
    expect(await prisma.emailMessage.count({ where: { businessId: business.id, template: "card-payment-failed" } })).toBe(1);

    await deliver(updated);
    await deliverAll(fake.payInvoice(failed.data.object.id));
    expect((await subscriptionOf(business.id)).status).toBe("active");
    const settled = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { payments: { orderBy: { createdAt: "asc" } } } });
    expect(settled.status).toBe("paid");
    expect(settled.payments.map((p) => p.status)).toEqual(["failed", "paid"]);

    // A late copy of the failure never reopens a paid invoice.
    await deliver({ ...failed, id: `${failed.id}_late` });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("paid");
  });

  it("records other events as ignored, and events of customers it does not know", async () => {
    const other = fake.snapshotEvent("customer.created", { id: "cus_unknown", object: "customer", metadata: {} });
    const res = await deliver(other);
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe("ignored");
    const stranger = fake.snapshotEvent("customer.subscription.updated", { id: "sub_unknown", object: "subscription", customer: "cus_unknown", metadata: {}, status: "active", items: { data: [] } });
    expect((await deliver(stranger)).json.outcome).toBe("ignored");
    expect((await eventRows(stranger.id))[0].status).toBe("ignored");
  });

  it("records a failure with its error and answers 500 so Stripe retries", async () => {
    const { owner, business } = await createBusiness("Legacy Price Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    fake.subscriptions.get(subscriptionId)!.items.data[0].price = fake.price("price_test_legacy");
    const event = fake.snapshotEvent("customer.subscription.updated", fake.subscriptions.get(subscriptionId)!);

    const res = await deliver(event);
    expect(res.status).toBe(500);
    expect(res.json.error.code).toBe("internal_error");
    const [row] = await eventRows(event.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toContain("price_test_legacy");
    expect((await subscriptionOf(business.id)).plan).toBe("basic");

    expect((await deliver(event)).status).toBe(500);
    expect((await eventRows(event.id))[0].attempts).toBe(2);

    fake.subscriptions.get(subscriptionId)!.items.data[0].price = fake.price(stripeTest.priceIds.pro);
    expect((await deliver(event)).status).toBe(200);
    expect((await eventRows(event.id))[0].status).toBe("processed");
    expect((await subscriptionOf(business.id)).plan).toBe("pro");
  });
});

import { fakePaynow } from "../helpers/paynow";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { createBusiness } from "../helpers/fixtures";
import { createInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";
import { addEndpoint, deliverDue, deliveriesOf } from "../helpers/webhooks";
import { runBilling } from "@/lib/billing/run-billing";
import { runDunning } from "@/lib/billing/run-dunning";
import { DAY, renewalInvoicesOf, subscribedBusiness } from "../helpers/billing";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
});

const billingEvents = ["invoice.created", "invoice.paid", "payment.succeeded", "payment.failed", "subscription.updated"];

async function shopWithEndpoint(name: string) {
  const { owner, business } = await createBusiness(name);
  const endpoint = await addEndpoint(owner.cookie, receiver, `/${name.replace(/\W/g, "-")}`, billingEvents);
  const res = await createInvoice(owner.cookie, { plan: "pro", currency: "USD" });
  if (res.status !== 201) throw new Error(JSON.stringify(res.json));
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: res.json.invoice.id } });
  return { owner, business, endpoint, invoice };
}

describe("billing events", () => {
  it("sends invoice.created, then payment.succeeded, invoice.paid and subscription.updated once when Paynow says Paid", async () => {
    const { business, endpoint, invoice } = await shopWithEndpoint("Paid Events Shop");
    const paid = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0779999999" });
    expect(paid.status).toBe(201);
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paid.json.paymentId } });
    const callback = fakePaynow.statusBody(payment.externalReference!, { status: "Paid" });
    expect((await postCallback(callback)).status).toBe(200);
    expect((await postCallback(callback)).status).toBe(200);

    await deliverDue(business.id);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(["invoice.created", "invoice.paid", "payment.succeeded", "subscription.updated"]);
    expect(deliveries.every((d) => d.status === "succeeded")).toBe(true);
    const byType = Object.fromEntries(deliveries.map((d) => [d.eventType, d.payload as { data: Record<string, unknown> }]));
    expect(byType["invoice.created"].data).toMatchObject({ id: invoice.id, number: invoice.number, status: "open", totalCents: 4999, currency: "USD" });
    expect(byType["invoice.paid"].data).toMatchObject({ id: invoice.id, status: "paid", amountPaidCents: 4999 });
    expect(byType["payment.succeeded"].data).toMatchObject({ id: payment.id, invoiceId: invoice.id, status: "paid", amountCents: 4999, method: "ecocash" });
    expect(byType["subscription.updated"].data).toMatchObject({ plan: "pro", status: "active", provider: "paynow" });
    expect(JSON.stringify(deliveries)).not.toContain(invoice.paymentToken!);
  });

  it("sends payment.failed when the wallet declines", async () => {
    const { business, endpoint, invoice } = await shopWithEndpoint("Failed Events Shop");
    const paid = await payWithToken(invoice.paymentToken!, { method: "ecocash", phone: "0779999998" });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paid.json.paymentId } });
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!, { status: "Cancelled" }))).status).toBe(200);
    await deliverDue(business.id);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.eventType)).toEqual(["invoice.created", "payment.failed"]);
    expect(deliveries[1].payload).toMatchObject({ data: { id: payment.id, status: "failed" } });
  });
});

describe("billing run and dunning events", () => {
  it("sends invoice.created for a renewal, then invoice.overdue and subscription.updated as dunning moves on, once each", async () => {
    const shop = await subscribedBusiness("Renewal Events Shop", { periodEnd: new Date(Date.now() + 2 * DAY) });
    const endpoint = await addEndpoint(shop.owner.cookie, receiver, "/renewal-events", [...billingEvents, "invoice.overdue"]);
    await runBilling({ businessIds: [shop.business.id] });
    const [invoice] = await renewalInvoicesOf(shop.subscriptionId);
    const afterDue = new Date(invoice.dueAt!.getTime() + DAY + 3_600_000);
    await runDunning({ now: afterDue, businessIds: [shop.business.id] });
    await runDunning({ now: afterDue, businessIds: [shop.business.id] });

    await deliverDue(shop.business.id);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(["invoice.created", "invoice.overdue", "subscription.updated"]);
    const byType = Object.fromEntries(deliveries.map((d) => [d.eventType, d.payload as { data: Record<string, unknown> }]));
    expect(byType["invoice.created"].data).toMatchObject({ id: invoice.id, status: "open" });
    expect(byType["invoice.overdue"].data).toMatchObject({ id: invoice.id, status: "open" });
    expect(byType["subscription.updated"].data).toMatchObject({ status: "past_due" });
  });
});

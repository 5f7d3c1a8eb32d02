import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { createBusiness } from "../helpers/fixtures";
import { deliver, subscribe } from "../helpers/stripe-app";
import { addEndpoint, deliverDue, deliveriesOf } from "../helpers/webhooks";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
});
afterAll(async () => {
  await receiver.close();
  await fake.close();
});

describe("card billing events", () => {
  it("sends each of invoice.created, invoice.paid and payment.succeeded once, however often Stripe repeats itself", async () => {
    const { owner, business } = await createBusiness("Card Events Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/card", ["invoice.created", "invoice.paid", "payment.succeeded", "subscription.updated"]);
    const { invoiceId } = await subscribe(fake, owner.cookie, "basic");
    const invoice = fake.invoices.get(invoiceId)!;
    const twins = [fake.snapshotEvent("invoice.paid", invoice), fake.snapshotEvent("invoice.payment_succeeded", invoice)];
    // Two events for one invoice at once, then both again (Stripe retries).
    for (const result of await Promise.all(twins.map((event) => deliver(event)))) expect(result.status).toBe(200);
    for (const event of twins) expect((await deliver(event)).status).toBe(200);

    await deliverDue(business.id);
    const deliveries = await deliveriesOf(endpoint.id);
    const count = (type: string) => deliveries.filter((d) => d.eventType === type).length;
    expect(count("invoice.created")).toBe(1);
    expect(count("invoice.paid")).toBe(1);
    expect(count("payment.succeeded")).toBe(1);
    expect(count("subscription.updated")).toBe(1);
    const row = await prisma.invoice.findFirstOrThrow({ where: { businessId: business.id } });
    expect(deliveries.find((d) => d.eventType === "invoice.paid")!.payload).toMatchObject({ data: { id: row.id, status: "paid", provider: "stripe", totalCents: 2_999 } });
    expect(deliveries.find((d) => d.eventType === "subscription.updated")!.payload).toMatchObject({ data: { plan: "basic", status: "active", provider: "stripe" } });
    expect(deliveries.every((d) => d.status === "succeeded")).toBe(true);
  });
});

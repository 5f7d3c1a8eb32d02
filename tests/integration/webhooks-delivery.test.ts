import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import * as keysRoute from "@/app/api/api-keys/route";
import * as keyRoute from "@/app/api/api-keys/[id]/route";
import * as rotateSecretRoute from "@/app/api/webhook-endpoints/[id]/rotate-secret/route";
import * as testRoute from "@/app/api/webhook-endpoints/[id]/test/route";
import * as replayRoute from "@/app/api/webhook-deliveries/[id]/replay/route";
import * as endpointRoute from "@/app/api/webhook-endpoints/[id]/route";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { emitEvent } from "@/lib/webhooks-out/emit-event";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { setSubscription } from "../helpers/api-key";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { addEndpoint, deliverDue, deliveriesOf } from "../helpers/webhooks";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
  receiver.setDefaultStatus(200);
});

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

async function emit(businessId: string, type: Parameters<typeof emitEvent>[2] = "invoice.paid", data = { number: "INV-1" }) {
  return prisma.$transaction((tx) => emitEvent(tx, businessId, type, data));
}

describe("webhook delivery", () => {
  it("signs each delivery per Standard Webhooks, verified with the standardwebhooks package", async () => {
    const { owner, business } = await createBusiness("Signed Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/signed", ["invoice.paid"]);
    const before = receiver.received.length;
    const emitted = await emit(business.id);
    expect(emitted.deliveries).toBe(1);
    expect(await deliverDue(business.id)).toMatchObject({ claimed: 1, succeeded: 1 });

    const request = receiver.received[before];
    expect(request.verified).toBe(true);
    expect(request.headers["webhook-id"]).toBe(emitted.eventId);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>);
    expect(payload).toMatchObject({ id: emitted.eventId, type: "invoice.paid", businessId: business.id, data: { number: "INV-1" } });
    expect(() => new Webhook(`whsec_${Buffer.from("another secret of 32 bytes long!").toString("base64")}`).verify(request.body, request.headers as Record<string, string>)).toThrow();

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, lastError: null });
    expect(delivery.latencyMs).toBeGreaterThanOrEqual(0);
    expect(delivery.deliveredAt).not.toBeNull();
  });

  it("queues nothing for endpoints that are disabled, of another business or not subscribed to the type", async () => {
    const { owner, business } = await createBusiness("Quiet Shop");
    const other = await createBusiness("Other Shop");
    const subscribed = await addEndpoint(owner.cookie, receiver, "/quiet-a", ["payment.failed"]);
    await addEndpoint(owner.cookie, receiver, "/quiet-b", ["invoice.paid"]);
    await addEndpoint(other.owner.cookie, receiver, "/quiet-c", ["payment.failed"]);
    const off = await addEndpoint(owner.cookie, receiver, "/quiet-d", ["payment.failed"]);
    await call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie: owner.cookie, params: { id: off.id }, body: { enabled: false } });

    expect((await emit(business.id, "payment.failed")).deliveries).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { businessId: business.id } })).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: subscribed.id } })).toBe(1);
  });

  it("emits an event once per key, even when its cause runs twice", async () => {
    const { owner, business } = await createBusiness("Once Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/once", ["invoice.paid"]);
    const first = await prisma.$transaction((tx) => emitEvent(tx, business.id, "invoice.paid", { n: 1 }, { key: "invoice.paid:abc" }));
    const second = await prisma.$transaction((tx) => emitEvent(tx, business.id, "invoice.paid", { n: 1 }, { key: "invoice.paid:abc" }));
    expect(first.deliveries).toBe(1);
    expect(second).toEqual({ eventId: first.eventId, deliveries: 0 });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    expect(await prisma.job.count({ where: { businessId: business.id, kind: "webhook.deliver" } })).toBe(1);
  });

  it("retries on Standard Webhooks' schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) and then gives up", async () => {
    const { owner, business } = await createBusiness("Retry Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/retry", ["invoice.paid"]);
    receiver.setDefaultStatus(500);
    await emit(business.id);
    const job = await prisma.job.findFirstOrThrow({ where: { businessId: business.id, kind: "webhook.deliver" } });
    expect(job.maxAttempts).toBe(8);

    let clock = new Date(Date.now() + second);
    const delays = [5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 10 * hour];
    for (const [index, delay] of delays.entries()) {
      expect(await deliverDue(business.id, clock)).toMatchObject({ claimed: 1, retried: 1 });
      const retried = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(retried.runAt.getTime() - clock.getTime()).toBe(delay);
      const [delivery] = await deliveriesOf(endpoint.id);
      expect(delivery).toMatchObject({ status: "pending", attempts: index + 1, responseStatus: 500, lastError: "The endpoint answered HTTP 500" });
      expect(delivery.nextAttemptAt?.getTime()).toBe(retried.runAt.getTime());
      // Not a moment early.
      expect(await deliverDue(business.id, new Date(retried.runAt.getTime() - 1))).toMatchObject({ claimed: 0 });
      clock = retried.runAt;
    }
    expect(await deliverDue(business.id, clock)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", attempts: 8 });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 8, nextAttemptAt: null });
    // About 27.6 hours of failures: not yet the 5 days that disable an endpoint.
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: true });
  });

  it("succeeds on a later attempt and clears the failing streak", async () => {
    const { owner, business } = await createBusiness("Later Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/later", ["invoice.paid"]);
    receiver.respondWith(502, 302);
    await emit(business.id);
    const start = new Date(Date.now() + second);
    await deliverDue(business.id, start);
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toEqual(start);
    await deliverDue(business.id, new Date(start.getTime() + 5 * second));
    const [redirected] = await deliveriesOf(endpoint.id);
    expect(redirected).toMatchObject({ status: "pending", attempts: 2, responseStatus: 302 });
    await deliverDue(business.id, new Date(start.getTime() + 5 * second + 5 * minute));
    const [delivered] = await deliveriesOf(endpoint.id);
    expect(delivered).toMatchObject({ status: "succeeded", attempts: 3, responseStatus: 200 });
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("disables the endpoint on 410 Gone without retrying", async () => {
    const { owner, business } = await createBusiness("Gone Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/gone", ["invoice.paid"]);
    receiver.respondWith(410);
    await emit(business.id);
    expect(await deliverDue(business.id)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: expect.stringContaining("410 Gone"),
    });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, responseStatus: 410 });
    expect((await emit(business.id)).deliveries).toBe(0);
  });

  it("disables an endpoint failing for 5 days and emails the owner once", async () => {
    const { owner, business } = await createBusiness("Failing Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/failing", ["invoice.paid"]);
    receiver.setDefaultStatus(503);
    const start = new Date(Date.now() + second);
    await emit(business.id);
    await deliverDue(business.id, start);
    await emit(business.id);
    const fourDaysLater = new Date(start.getTime() + 4 * 24 * hour);
    await deliverDue(business.id, fourDaysLater);
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled).toBe(true);

    await emit(business.id);
    const fiveDaysLater = new Date(start.getTime() + 5 * 24 * hour);
    await deliverDue(business.id, fiveDaysLater);
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: "Every delivery failed for 5 days.",
      disabledAt: fiveDaysLater,
    });
    const emails = await prisma.emailMessage.findMany({ where: { businessId: business.id, template: "webhook-endpoint-disabled" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: owner.email, subject: "Webhook endpoint disabled for Failing Shop" });
    expect(emails[0].text).toContain(`${receiver.url}/failing`);
    expect(await prisma.job.count({ where: { kind: "email.send", payload: { equals: { emailMessageId: emails[0].id } } } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "webhook_endpoint.auto_disabled" } })).toBe(1);
    const pending = await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, status: "pending" } });
    expect(pending).toBe(0);
  });

  it("refuses private destinations at delivery unless allowed, without connecting", async () => {
    const { owner, business } = await createBusiness("Private Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/private", ["invoice.paid"]);
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = false;
    const before = receiver.received.length;
    await emit(business.id);
    expect(await deliverDue(business.id)).toMatchObject({ claimed: 1, failed: 1 });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, responseStatus: null });
    expect(delivery.lastError).toBe("Refused: 127.0.0.1 resolves to 127.0.0.1, a private, loopback or link-local address.");
    expect(receiver.received.length).toBe(before);

    const refused = await call(endpointRoute.PATCH, "/x", {
      method: "PATCH",
      cookie: owner.cookie,
      params: { id: endpoint.id },
      body: { url: "http://169.254.169.254/latest/meta-data" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "validation_failed", message: "url: must not point to a private, loopback or link-local address" });
  });

  it("replays a delivery with the same webhook-id, and sends a test event", async () => {
    const { owner, business } = await createBusiness("Replay Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/replay", ["invoice.paid"]);
    const emitted = await emit(business.id);
    await deliverDue(business.id);
    const [original] = await deliveriesOf(endpoint.id);

    const replay = await call(replayRoute.POST, "/x", { cookie: owner.cookie, params: { id: original.id }, body: {} });
    expect(replay.status).toBe(202);
    expect(replay.json.delivery).toMatchObject({ eventId: emitted.eventId, replayOfId: original.id, status: "pending", attempts: 0 });
    const before = receiver.received.length;
    await deliverDue(business.id);
    const replayed = receiver.received[before];
    expect(replayed).toMatchObject({ path: "/replay", verified: true });
    expect(replayed.headers["webhook-id"]).toBe(emitted.eventId);
    expect(JSON.parse(replayed.body)).toEqual(original.payload);

    const test = await call(testRoute.POST, "/x", { cookie: owner.cookie, params: { id: endpoint.id }, body: {} });
    expect(test.status).toBe(202);
    expect(test.json.delivery).toMatchObject({ eventType: "webhook.test", status: "pending" });
    await deliverDue(business.id);
    expect(receiver.received.at(-1)).toMatchObject({ path: "/replay", verified: true, json: { type: "webhook.test" } });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: test.json.delivery.id } })).toMatchObject({ status: "succeeded" });
  });

  it("signs with the new secret once rotated, and with the old one beside it for 24 hours", async () => {
    const { owner, business } = await createBusiness("Rotate Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/rotate", ["invoice.paid"]);
    const rotatedAt = new Date();
    const rotated = await call(rotateSecretRoute.POST, "/x", { cookie: owner.cookie, params: { id: endpoint.id }, body: {} });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.json.secret).not.toBe(endpoint.secret);
    const overlapEnds = new Date(rotated.json.endpoint.rotationOverlapUntil).getTime();
    expect(overlapEnds - rotatedAt.getTime()).toBeGreaterThanOrEqual(24 * hour - 5 * second);
    expect(overlapEnds - rotatedAt.getTime()).toBeLessThanOrEqual(24 * hour + 5 * second);

    // Within the day: two signatures; the receiver still on the old secret verifies, and so does the new secret.
    await emit(business.id);
    await deliverDue(business.id);
    const during = receiver.received.at(-1)!;
    expect(during.verified).toBe(true);
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(() => new Webhook(rotated.json.secret).verify(during.body, during.headers as Record<string, string>)).not.toThrow();

    // After it: only the new secret signs (checked by recomputing the signature: standardwebhooks would refuse
    // the day-old timestamp against this clock).
    await emit(business.id);
    const later = new Date(overlapEnds + minute);
    await deliverDue(business.id, later);
    const after = receiver.received.at(-1)!;
    const id = String(after.headers["webhook-id"]);
    expect(after.headers["webhook-timestamp"]).toBe(String(Math.floor(later.getTime() / 1000)));
    expect(after.headers["webhook-signature"]).toBe(new Webhook(rotated.json.secret).sign(id, later, after.body));
    expect(after.headers["webhook-signature"]).not.toBe(new Webhook(endpoint.secret).sign(id, later, after.body));

    const stored = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretEncrypted).not.toContain(rotated.json.secret.slice(6));
    expect(stored.previousSecretEncrypted).not.toContain(endpoint.secret.slice(6));
  });

  it("sends api_key.created and api_key.revoked when keys are created and revoked", async () => {
    const { owner, business } = await createBusiness("Keys Event Shop");
    await setSubscription(business.id, { plan: "basic" });
    const endpoint = await addEndpoint(owner.cookie, receiver, "/keys", ["api_key.created", "api_key.revoked"]);
    const created = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "Till 2" } });
    expect(created.status).toBe(201);
    await call(keyRoute.DELETE, "/x", { method: "DELETE", cookie: owner.cookie, params: { id: created.json.apiKey.id } });
    await deliverDue(business.id);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => d.eventType)).toEqual(["api_key.created", "api_key.revoked"]);
    expect(deliveries[0].payload).toMatchObject({ data: { id: created.json.apiKey.id, name: "Till 2", prefix: created.json.apiKey.prefix } });
    expect(JSON.stringify(deliveries)).not.toContain(created.json.key);
    expect(deliveries.every((d) => d.status === "succeeded")).toBe(true);
  });
});

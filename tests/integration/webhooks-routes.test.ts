import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/api-keys/route";
import * as transactions from "@/app/api/pos/transactions/route";
import * as hooksRoute from "@/app/api/v1/hooks/route";
import * as hookRoute from "@/app/api/v1/hooks/[id]/route";
import * as sampleRoute from "@/app/api/v1/hooks/sample/[event]/route";
import * as replayRoute from "@/app/api/webhook-deliveries/[id]/replay/route";
import * as deliveriesRoute from "@/app/api/webhook-endpoints/[id]/deliveries/route";
import * as rotateSecretRoute from "@/app/api/webhook-endpoints/[id]/rotate-secret/route";
import * as endpointRoute from "@/app/api/webhook-endpoints/[id]/route";
import * as testRoute from "@/app/api/webhook-endpoints/[id]/test/route";
import * as endpointsRoute from "@/app/api/webhook-endpoints/route";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { emitEvent } from "@/lib/webhooks-out/emit-event";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { setSubscription, withKey } from "../helpers/api-key";
import { addMember, createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { addEndpoint, deliverDue, deliveriesOf } from "../helpers/webhooks";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
});

async function keyWithScopes(cookie: string, businessId: string, scopes: string[]) {
  await setSubscription(businessId, { plan: "pro" });
  const res = await call(keysRoute.POST, "/api/api-keys", { cookie, body: { name: "Zapier", scopes } });
  if (res.status !== 201) throw new Error(JSON.stringify(res.json));
  return { key: res.json.key as string, id: res.json.apiKey.id as string, prefix: res.json.apiKey.prefix as string };
}

describe("webhook endpoint routes", () => {
  it("creates an endpoint whose secret is shown once, lists it without secrets, updates and deletes it", async () => {
    const { owner } = await createBusiness("Routes Shop");
    const created = await call(endpointsRoute.POST, "/api/webhook-endpoints", {
      cookie: owner.cookie,
      body: { url: `${receiver.url}/routes`, events: ["invoice.paid", "invoice.paid", "payment.failed"], description: "ERP" },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    expect(created.json.endpoint).toMatchObject({ url: `${receiver.url}/routes`, events: ["invoice.paid", "payment.failed"], enabled: true, source: "dashboard", description: "ERP" });
    expect(JSON.stringify(created.json.endpoint)).not.toMatch(/secret/i);
    const id = created.json.endpoint.id;

    const list = await call(endpointsRoute.GET, "/api/webhook-endpoints", { cookie: owner.cookie });
    expect(list.status).toBe(200);
    expect(list.json.endpoints).toHaveLength(1);
    expect(JSON.stringify(list.json)).not.toContain(created.json.secret.slice(6));
    expect(JSON.stringify(list.json)).not.toMatch(/secretEncrypted/);

    const patched = await call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie: owner.cookie, params: { id }, body: { events: ["pos.transaction.created"], enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.json.endpoint).toMatchObject({ events: ["pos.transaction.created"], enabled: false, disabledReason: "Disabled by a person." });
    const enabled = await call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie: owner.cookie, params: { id }, body: { enabled: true } });
    expect(enabled.json.endpoint).toMatchObject({ enabled: true, disabledReason: null });

    const deleted = await call(endpointRoute.DELETE, "/x", { method: "DELETE", cookie: owner.cookie, params: { id } });
    expect(deleted.status).toBe(200);
    expect(await prisma.webhookEndpoint.count({ where: { id } })).toBe(0);
  });

  it("names the field of bad input", async () => {
    const { owner, business } = await createBusiness("Bad Input Shop");
    const cases: [unknown, string][] = [
      [{ url: "ftp://example.com", events: ["invoice.paid"] }, "url: must be an http(s) URL"],
      [{ url: "https://example.com/hook", events: [] }, "events: choose at least one event"],
      [{ url: "https://user:pw@example.com/hook", events: ["invoice.paid"] }, "url: must not contain a user name or password"],
      [{ url: "https://example.com/hook", events: ["invoice.eaten"] }, "events.0:"],
      [{ url: "https://example.com/hook", events: ["invoice.paid"], secret: "mine" }, "Unrecognized key"],
    ];
    for (const [body, message] of cases) {
      const res = await call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie: owner.cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.message).toContain(message);
    }
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = false;
    for (const url of ["http://127.0.0.1/hook", "http://10.0.0.8/hook", "http://169.254.169.254/", "http://[::1]/hook"]) {
      const res = await call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie: owner.cookie, body: { url, events: ["invoice.paid"] } });
      expect(res.status, url).toBe(422);
      expect(res.json.error.message).toBe("url: must not point to a private, loopback or link-local address");
    }
    const empty = await call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie: owner.cookie, params: { id: "nope" }, body: {} });
    expect(empty.status).toBe(422);
    expect(await prisma.webhookEndpoint.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("answers 404 for another business's endpoint or delivery on every route, and 403 to staff", async () => {
    const a = await createBusiness("Tenant A");
    const b = await createBusiness("Tenant B");
    const endpoint = await addEndpoint(a.owner.cookie, receiver, "/tenant-a", ["invoice.paid"]);
    await prisma.$transaction((tx) => emitEvent(tx, a.business.id, "invoice.paid", { n: 1 }));
    const [delivery] = await deliveriesOf(endpoint.id);
    const staff = await addMember(b.owner.cookie, b.business.id, "staff");

    const attempts = (cookie: string) => [
      call(endpointRoute.PATCH, "/x", { method: "PATCH", cookie, params: { id: endpoint.id }, body: { enabled: false } }),
      call(endpointRoute.DELETE, "/x", { method: "DELETE", cookie, params: { id: endpoint.id } }),
      call(rotateSecretRoute.POST, "/x", { cookie, params: { id: endpoint.id }, body: {} }),
      call(testRoute.POST, "/x", { cookie, params: { id: endpoint.id }, body: {} }),
      call(deliveriesRoute.GET, "/x", { cookie, params: { id: endpoint.id } }),
      call(replayRoute.POST, "/x", { cookie, params: { id: delivery.id }, body: {} }),
    ];
    for (const res of await Promise.all(attempts(b.owner.cookie))) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    const staffCalls = [
      ...attempts(staff.cookie),
      call(endpointsRoute.GET, "/api/webhook-endpoints", { cookie: staff.cookie }),
      call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie: staff.cookie, body: { url: "https://example.com/x", events: ["invoice.paid"] } }),
    ];
    for (const res of await Promise.all(staffCalls)) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    const unchanged = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(unchanged).toMatchObject({ enabled: true });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    const own = await call(endpointsRoute.GET, "/api/webhook-endpoints", { cookie: b.owner.cookie });
    expect(own.json.endpoints).toEqual([]);
  });

  it("lists deliveries newest first with status, attempts, response code, latency and payload", async () => {
    const { owner, business } = await createBusiness("Log Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/log", ["invoice.paid"]);
    await prisma.$transaction((tx) => emitEvent(tx, business.id, "invoice.paid", { n: 1 }));
    await deliverDue(business.id);
    await prisma.$transaction((tx) => emitEvent(tx, business.id, "invoice.paid", { n: 2 }));
    const res = await call(deliveriesRoute.GET, "/x?limit=10", { cookie: owner.cookie, params: { id: endpoint.id } });
    expect(res.status).toBe(200);
    expect(res.json.deliveries.map((d: { status: string }) => d.status)).toEqual(["pending", "succeeded"]);
    expect(res.json.deliveries[1]).toMatchObject({ attempts: 1, responseStatus: 200, payload: { type: "invoice.paid", data: { n: 1 } } });
    expect(typeof res.json.deliveries[1].latencyMs).toBe("number");
  });
});

describe("Zapier REST hooks", () => {
  it("subscribes, delivers, and unsubscribes with an API key holding webhooks:manage", async () => {
    const { owner, business, apiKey } = await createBusiness("Zap Shop");
    const refused = await withKey(hooksRoute.POST, "/api/v1/hooks", apiKey, { body: { target_url: `${receiver.url}/zap`, event: "invoice.paid" } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");

    const zapier = await keyWithScopes(owner.cookie, business.id, ["webhooks:manage"]);
    const subscribed = await withKey(hooksRoute.POST, "/api/v1/hooks", zapier.key, { body: { target_url: `${receiver.url}/zap`, event: "invoice.paid" } });
    expect(subscribed.status).toBe(201);
    expect(subscribed.json).toEqual({ id: expect.any(String), event: "invoice.paid", target_url: `${receiver.url}/zap` });
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: subscribed.json.id } })).toMatchObject({
      source: "zapier",
      events: ["invoice.paid"],
      createdByApiKeyId: zapier.id,
    });

    const before = receiver.received.length;
    await prisma.$transaction((tx) => emitEvent(tx, business.id, "invoice.paid", { number: "INV-9" }));
    await deliverDue(business.id);
    expect(receiver.received[before]).toMatchObject({ path: "/zap", json: { type: "invoice.paid", data: { number: "INV-9" } } });

    const sample = await withKey(sampleRoute.GET, "/x", zapier.key, { params: { event: "invoice.paid" } });
    expect(sample.status).toBe(200);
    expect(sample.json).toEqual([expect.objectContaining({ type: "invoice.paid", data: expect.objectContaining({ number: "INV-2026-000042" }) })]);
    const unknown = await withKey(sampleRoute.GET, "/x", zapier.key, { params: { event: "nope" } });
    expect(unknown.status).toBe(404);

    const gone = await withKey(hookRoute.DELETE, "/x", zapier.key, { method: "DELETE", params: { id: subscribed.json.id } });
    expect(gone.status).toBe(200);
    expect(await prisma.webhookEndpoint.count({ where: { id: subscribed.json.id } })).toBe(0);
    const audit = await prisma.auditLog.findMany({ where: { businessId: business.id, action: { startsWith: "webhook_endpoint." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorApiKeyId, entry.actorUserId])).toEqual([
      ["webhook_endpoint.created", zapier.id, null],
      ["webhook_endpoint.deleted", zapier.id, null],
    ]);
  });

  it("cannot remove dashboard endpoints or another business's hooks", async () => {
    const a = await createBusiness("Zap A");
    const b = await createBusiness("Zap B");
    const keyA = await keyWithScopes(a.owner.cookie, a.business.id, ["webhooks:manage"]);
    const keyB = await keyWithScopes(b.owner.cookie, b.business.id, ["webhooks:manage"]);
    const dashboard = await addEndpoint(a.owner.cookie, receiver, "/dash", ["invoice.paid"]);
    const hookB = await withKey(hooksRoute.POST, "/api/v1/hooks", keyB.key, { body: { target_url: `${receiver.url}/zap-b`, event: "payment.failed" } });
    for (const id of [dashboard.id, hookB.json.id]) {
      const res = await withKey(hookRoute.DELETE, "/x", keyA.key, { method: "DELETE", params: { id } });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect(await prisma.webhookEndpoint.count({ where: { id: { in: [dashboard.id, hookB.json.id] } } })).toBe(2);
    const bad = await withKey(hooksRoute.POST, "/api/v1/hooks", keyA.key, { body: { target_url: "not a url", event: "invoice.paid" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("target_url");
  });
});

describe("pos.transaction.created", () => {
  it("is queued in the sale's own transaction (there when the 201 is), once per transaction, only to subscribed businesses", async () => {
    const { owner, business, apiKey } = await createBusiness("Till Shop");
    const endpoint = await addEndpoint(owner.cookie, receiver, "/till", ["pos.transaction.created"]);
    const sale = { amount: 1250, currency: "USD", type: "sale", reference: "till-1-0001", terminalId: "till-1" };
    const first = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale });
    expect(first.status).toBe(201);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    const again = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: sale });
    expect(again.json.duplicate).toBe(true);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    await deliverDue(business.id);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      status: "succeeded",
      eventType: "pos.transaction.created",
      payload: { data: { id: first.json.eventId, reference: "till-1-0001", amountCents: 1250, currency: "USD", type: "sale", terminalId: "till-1" } },
    });

    const quiet = await createBusiness("Quiet Till");
    const res = await withKey(transactions.POST, "/api/pos/transactions", quiet.apiKey, { body: { ...sale, reference: "q-1" } });
    expect(res.status).toBe(201);
    expect(await prisma.webhookDelivery.count({ where: { businessId: quiet.business.id } })).toBe(0);
  });
});

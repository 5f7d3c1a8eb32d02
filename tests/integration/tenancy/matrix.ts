import { hubspotToken, type Caller, type World } from "./world";

export interface MatrixRequest {
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface MatrixRow {
  request: (world: World) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<Caller, number>;
}

// Every route handler under app/api, keyed "<route file> <METHOD>", with the exact status each caller gets.
// Callers: anonymous; otherOwner / otherKey = business B's owner session and API key; staff / admin / owner =
// sessions of business A's members; ownKey = business A's API key. Requests target business A's records.
// Session routes refuse API keys (401: no session) and API-key routes refuse sessions (401 missing_api_key).
const sessionRoute = (staff: number, admin: number, owner: number, other: number): Record<Caller, number> => ({
  anonymous: 401, otherOwner: other, otherKey: 401, staff, admin, owner, ownKey: 401,
});
const keyRoute = (status: number): Record<Caller, number> => ({
  anonymous: 401, otherOwner: 401, otherKey: status, staff: 401, admin: 401, owner: 401, ownKey: status,
});
const everyone = (status: number): Record<Caller, number> => ({
  anonymous: status, otherOwner: status, otherKey: status, staff: status, admin: status, owner: status, ownKey: status,
});
// Sessions of business A's members only (another business's owner acts on their own business, never A's).
const adminRoute = (ok: number, other: number) => sessionRoute(403, ok, ok, other);
const cvtEvent = JSON.stringify({ id: "evt_matrix", type: "charge.succeeded", created: 1 });
const paynowForm = "status=Paid&reference=nope&amount=1.00&hash=00";

export const matrix: Record<string, MatrixRow> = {
  "api-keys/route.ts GET": { request: () => ({ path: "/api/api-keys" }), expect: sessionRoute(403, 200, 200, 200) },
  "api-keys/route.ts POST": { request: () => ({ path: "/api/api-keys", body: { name: "Till" } }), expect: sessionRoute(403, 201, 201, 403) },
  "api-keys/[id]/route.ts DELETE": {
    request: async (w) => {
      const id = await w.freshKeyOfA();
      return { path: `/api/api-keys/${id}`, params: { id } };
    },
    expect: sessionRoute(403, 200, 200, 404),
  },
  "api-keys/[id]/rotate/route.ts POST": {
    request: async (w) => {
      const id = await w.freshKeyOfA();
      return { path: `/api/api-keys/${id}/rotate`, params: { id }, body: { graceSeconds: 0 } };
    },
    expect: sessionRoute(403, 201, 201, 404),
  },
  "auth/[...all]/route.ts GET": {
    request: (w) => ({ path: `/api/auth/organization/list-members?organizationId=${w.a.business.id}` }),
    expect: { anonymous: 401, otherOwner: 403, otherKey: 401, staff: 403, admin: 200, owner: 200, ownKey: 401 },
  },
  "auth/[...all]/route.ts POST": {
    request: (w) => ({ path: "/api/auth/organization/update", body: { organizationId: w.a.business.id, data: { name: "Renamed A" } } }),
    // Better Auth answers a non-member 400 USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION here (403 on reads).
    expect: { anonymous: 401, otherOwner: 400, otherKey: 401, staff: 403, admin: 403, owner: 200, ownKey: 401 },
  },
  "billing/checkout-session/route.ts POST": {
    request: () => ({ path: "/api/billing/checkout-session", body: { plan: "basic" } }),
    expect: sessionRoute(403, 403, 503, 503),
  },
  "billing/invoices/route.ts GET": { request: () => ({ path: "/api/billing/invoices" }), expect: sessionRoute(403, 200, 200, 200) },
  "billing/payments/[id]/cancel/route.ts POST": {
    request: (w) => ({ path: `/api/billing/payments/${w.a.paymentId}/cancel`, params: { id: w.a.paymentId } }),
    expect: sessionRoute(403, 403, 200, 404),
  },
  "billing/payments/[id]/status/route.ts GET": {
    request: (w) => ({ path: `/api/billing/payments/${w.a.paymentId}/status`, params: { id: w.a.paymentId } }),
    expect: sessionRoute(403, 200, 200, 404),
  },
  // Rows run in this order: the owner's cancel above freed the invoice, so the owner's payment here is new (201).
  "billing/paynow/route.ts POST": {
    request: (w) => ({ path: "/api/billing/paynow", body: { invoiceId: w.a.invoiceId, method: "ecocash", phone: "0771111111" } }),
    expect: sessionRoute(403, 403, 201, 404),
  },
  "billing/paynow/invoice/route.ts POST": {
    request: () => ({ path: "/api/billing/paynow/invoice", body: { plan: "pro" } }),
    expect: sessionRoute(403, 403, 201, 201),
  },
  "billing/portal/route.ts POST": { request: () => ({ path: "/api/billing/portal" }), expect: sessionRoute(403, 403, 503, 503) },
  // A's plan is billed by Tangabiz itself, so its owner schedules (and undoes) the cancellation: 200. B is on Free,
  // so its owner reaches the card path, which is not configured in this file (no Stripe): 503 provider_not_configured.
  "billing/subscription/route.ts DELETE": { request: () => ({ path: "/api/billing/subscription" }), expect: sessionRoute(403, 403, 200, 503) },
  "billing/subscription/resume/route.ts POST": { request: () => ({ path: "/api/billing/subscription/resume" }), expect: sessionRoute(403, 403, 200, 503) },
  "billing/renewal-wallet/route.ts GET": { request: () => ({ path: "/api/billing/renewal-wallet" }), expect: sessionRoute(403, 200, 200, 200) },
  "billing/renewal-wallet/route.ts PUT": {
    request: () => ({ path: "/api/billing/renewal-wallet", body: { enabled: false } }),
    expect: sessionRoute(403, 403, 200, 200),
  },
  "billing/usage/route.ts GET": { request: () => ({ path: "/api/billing/usage" }), expect: sessionRoute(403, 200, 200, 200) },
  // Before business/register: that row makes every session caller the owner of a new, active business.
  "credits/ledger/route.ts GET": { request: () => ({ path: "/api/credits/ledger" }), expect: sessionRoute(200, 200, 200, 200) },
  "credits/orders/[id]/route.ts GET": {
    request: (w) => ({ path: `/api/credits/orders/${w.a.orderId}`, params: { id: w.a.orderId } }),
    expect: sessionRoute(200, 200, 200, 404),
  },
  "credits/topups/route.ts POST": {
    request: () => ({ path: "/api/credits/topups", body: { pack: 1000, provider: "mobile_money" } }),
    expect: sessionRoute(403, 403, 201, 201),
  },
  "business/route.ts GET": { request: () => ({ path: "/api/business" }), expect: sessionRoute(200, 200, 200, 200) },
  "business/route.ts PATCH": { request: () => ({ path: "/api/business", body: { contactEmail: "billing@a.example" } }), expect: sessionRoute(403, 403, 200, 200) },
  "business/pos-config/route.ts GET": { request: () => ({ path: "/api/business/pos-config" }), expect: sessionRoute(200, 200, 200, 200) },
  "business/pos-config/route.ts PUT": {
    request: () => ({ path: "/api/business/pos-config", body: { receiptHeader: "Matrix" } }),
    expect: sessionRoute(403, 200, 200, 200),
  },
  "business/terminals/route.ts GET": { request: () => ({ path: "/api/business/terminals" }), expect: sessionRoute(200, 200, 200, 200) },
  "cron/credits-audit/route.ts GET": { request: () => ({ path: "/api/cron/credits-audit" }), expect: everyone(401) },
  "cron/expire-reservations/route.ts GET": { request: () => ({ path: "/api/cron/expire-reservations" }), expect: everyone(401) },
  "audit-log/route.ts GET": { request: () => ({ path: "/api/audit-log" }), expect: adminRoute(200, 200) },
  // Cron routes answer only the cron secret: sessions and API keys are not it.
  "cron/billing/route.ts GET": { request: () => ({ path: "/api/cron/billing" }), expect: everyone(401) },
  "cron/dunning/route.ts GET": { request: () => ({ path: "/api/cron/dunning" }), expect: everyone(401) },
  "cron/emails/route.ts GET": { request: () => ({ path: "/api/cron/emails" }), expect: everyone(401) },
  "cron/integrations/route.ts GET": { request: () => ({ path: "/api/cron/integrations" }), expect: everyone(401) },
  "cron/jobs/route.ts GET": { request: () => ({ path: "/api/cron/jobs" }), expect: everyone(401) },
  "cron/purge-callbacks/route.ts GET": { request: () => ({ path: "/api/cron/purge-callbacks" }), expect: everyone(401) },
  "cron/expire-payments/route.ts GET": { request: () => ({ path: "/api/cron/expire-payments" }), expect: everyone(401) },
  "cron/reconcile-payments/route.ts GET": { request: () => ({ path: "/api/cron/reconcile-payments" }), expect: everyone(401) },
  "emails/route.ts GET": { request: () => ({ path: "/api/emails" }), expect: adminRoute(200, 200) },
  "emails/[id]/send-again/route.ts POST": {
    request: async (w) => {
      const id = await w.failedEmailOfA();
      return { path: `/api/emails/${id}/send-again`, params: { id } };
    },
    expect: adminRoute(200, 404),
  },
  "health/route.ts GET": { request: () => ({ path: "/api/health" }), expect: everyone(200) },
  // Another business's owner names the same provider but reaches their own business, where it is not connected.
  "integrations/[provider]/route.ts DELETE": {
    request: async (w) => {
      const provider = await w.connectedHubspotOfA();
      return { path: `/api/integrations/${provider}`, params: { provider } };
    },
    expect: adminRoute(200, 404),
  },
  "integrations/[provider]/runs/route.ts GET": {
    request: async (w) => {
      const provider = await w.connectedHubspotOfA();
      return { path: `/api/integrations/${provider}/runs`, params: { provider } };
    },
    expect: adminRoute(200, 200),
  },
  "integrations/[provider]/sync/route.ts POST": {
    request: async (w) => {
      const provider = await w.connectedHubspotOfA();
      return { path: `/api/integrations/${provider}/sync`, params: { provider } };
    },
    expect: adminRoute(202, 404),
  },
  "integrations/connect/route.ts POST": {
    request: () => ({ path: "/api/integrations/connect", body: { provider: "hubspot", credentials: { accessToken: hubspotToken } } }),
    expect: adminRoute(200, 200),
  },
  "integrations/route.ts GET": { request: () => ({ path: "/api/integrations" }), expect: adminRoute(200, 200) },
  "openapi.json/route.ts GET": { request: () => ({ path: "/api/openapi.json" }), expect: everyone(200) },
  "operations/callbacks/[id]/reapply/route.ts POST": {
    request: async (w) => {
      const id = await w.failedCallbackOfA();
      return { path: `/api/operations/callbacks/${id}/reapply`, params: { id } };
    },
    expect: adminRoute(200, 404),
  },
  "pay/[token]/route.ts POST": {
    // The token is the credential: a made-up one finds nothing, whoever calls.
    request: () => ({ path: "/api/pay/not-a-real-token", params: { token: "not-a-real-token" }, body: { method: "ecocash", phone: "0771111111" } }),
    expect: everyone(404),
  },
  "ping/route.ts GET": { request: () => ({ path: "/api/ping" }), expect: everyone(200) },
  "pos/config/route.ts GET": { request: () => ({ path: "/api/pos/config" }), expect: keyRoute(200) },
  "pos/heartbeat/route.ts POST": { request: () => ({ path: "/api/pos/heartbeat", body: { terminalId: "till-1" } }), expect: keyRoute(200) },
  "pos/status/route.ts GET": { request: () => ({ path: "/api/pos/status" }), expect: keyRoute(200) },
  "pos/transactions/route.ts POST": {
    request: () => ({ path: "/api/pos/transactions", body: { amount: 100, currency: "USD", type: "sale", reference: `m-${Math.random()}` } }),
    expect: keyRoute(201),
  },
  "v1/checkout/topup/route.ts POST": { request: () => ({ path: "/api/v1/checkout/topup", body: { pack: 1000, provider: "mobile_money" } }), expect: keyRoute(201) },
  "v1/credits/route.ts GET": { request: () => ({ path: "/api/v1/credits" }), expect: keyRoute(200) },
  // Business B has no credits (402); A has 10, and each of its calls holds one.
  "v1/jobs/route.ts POST": {
    request: () => ({ path: "/api/v1/jobs", body: { requestedSeconds: 5 } }),
    expect: { anonymous: 401, otherOwner: 401, otherKey: 402, staff: 401, admin: 401, owner: 401, ownKey: 201 },
  },
  "v1/jobs/[taskId]/route.ts GET": {
    request: (w) => ({ path: `/api/v1/jobs/${w.a.taskId}`, params: { taskId: w.a.taskId } }),
    expect: { anonymous: 401, otherOwner: 401, otherKey: 404, staff: 401, admin: 401, owner: 401, ownKey: 200 },
  },
  "v1/jobs/[taskId]/complete/route.ts POST": {
    request: (w) => ({ path: `/api/v1/jobs/${w.a.taskId}/complete`, params: { taskId: w.a.taskId }, body: { actualSeconds: 5 } }),
    expect: { anonymous: 401, otherOwner: 401, otherKey: 404, staff: 401, admin: 401, owner: 401, ownKey: 200 },
  },
  "v1/jobs/[taskId]/cancel/route.ts POST": {
    request: (w) => ({ path: `/api/v1/jobs/${w.a.taskId}/cancel`, params: { taskId: w.a.taskId } }),
    expect: { anonymous: 401, otherOwner: 401, otherKey: 404, staff: 401, admin: 401, owner: 401, ownKey: 200 },
  },
  "v1/portal-link/route.ts POST": { request: () => ({ path: "/api/v1/portal-link" }), expect: keyRoute(200) },
  "v1/hooks/route.ts POST": {
    request: () => ({ path: "/api/v1/hooks", body: { target_url: "https://hooks.zapier.com/hooks/standard/1/m", event: "invoice.paid" } }),
    expect: keyRoute(201),
  },
  "v1/hooks/[id]/route.ts DELETE": {
    request: async (w) => {
      const id = await w.freshZapierHookOfA();
      return { path: `/api/v1/hooks/${id}`, params: { id } };
    },
    expect: { ...keyRoute(200), otherKey: 404 },
  },
  "v1/hooks/sample/[event]/route.ts GET": {
    request: () => ({ path: "/api/v1/hooks/sample/invoice.paid", params: { event: "invoice.paid" } }),
    expect: keyRoute(200),
  },
  "v1/me/route.ts GET": { request: () => ({ path: "/api/v1/me" }), expect: keyRoute(200) },
  "v1/usage/route.ts GET": { request: () => ({ path: "/api/v1/usage" }), expect: keyRoute(200) },
  "webhook-deliveries/[id]/replay/route.ts POST": {
    request: (w) => ({ path: `/api/webhook-deliveries/${w.a.deliveryId}/replay`, params: { id: w.a.deliveryId } }),
    expect: adminRoute(202, 404),
  },
  "webhook-endpoints/route.ts GET": { request: () => ({ path: "/api/webhook-endpoints" }), expect: adminRoute(200, 200) },
  "webhook-endpoints/route.ts POST": {
    request: () => ({ path: "/api/webhook-endpoints", body: { url: "https://hooks.example.com/new", events: ["payment.succeeded"] } }),
    expect: adminRoute(201, 201),
  },
  "webhook-endpoints/[id]/route.ts PATCH": {
    request: (w) => ({ path: `/api/webhook-endpoints/${w.a.endpointId}`, params: { id: w.a.endpointId }, body: { description: "Renamed" } }),
    expect: adminRoute(200, 404),
  },
  "webhook-endpoints/[id]/route.ts DELETE": {
    request: async (w) => {
      const id = await w.freshEndpointOfA();
      return { path: `/api/webhook-endpoints/${id}`, params: { id } };
    },
    expect: adminRoute(200, 404),
  },
  "webhook-endpoints/[id]/deliveries/route.ts GET": {
    request: (w) => ({ path: `/api/webhook-endpoints/${w.a.endpointId}/deliveries`, params: { id: w.a.endpointId } }),
    expect: adminRoute(200, 404),
  },
  "webhook-endpoints/[id]/rotate-secret/route.ts POST": {
    request: (w) => ({ path: `/api/webhook-endpoints/${w.a.endpointId}/rotate-secret`, params: { id: w.a.endpointId } }),
    expect: adminRoute(200, 404),
  },
  "webhook-endpoints/[id]/test/route.ts POST": {
    request: (w) => ({ path: `/api/webhook-endpoints/${w.a.endpointId}/test`, params: { id: w.a.endpointId } }),
    expect: adminRoute(202, 404),
  },
  // CVT is not configured in this file (no CVT_WEBHOOK_SECRET): every post is refused before anything is read.
  "webhooks/cvt/route.ts POST": {
    request: () => ({ path: "/api/webhooks/cvt", rawBody: cvtEvent, headers: { "content-type": "application/json", "cvt-signature": "t=1,v1=00" } }),
    expect: everyone(503),
  },
  "webhooks/paynow/route.ts POST": {
    request: () => ({ path: "/api/webhooks/paynow", rawBody: paynowForm, headers: { "content-type": "application/x-www-form-urlencoded" } }),
    expect: everyone(400),
  },
  "webhooks/shopify/route.ts POST": {
    request: () => ({ path: "/api/webhooks/shopify", rawBody: "{}", headers: { "content-type": "application/json", "x-shopify-hmac-sha256": "AA==" } }),
    expect: everyone(503),
  },
  "webhooks/stripe/route.ts POST": {
    request: () => ({ path: "/api/webhooks/stripe", rawBody: "{}", headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" } }),
    expect: everyone(503),
  },
  // Last on purpose: the owner's call closes business A for good. Another owner's confirmation names A, not
  // their own business, so it is refused (422 validation_failed) and closes nothing.
  "business/close/route.ts POST": {
    // A's name as it is now (the auth row above renamed it).
    request: async (w) => ({ path: "/api/business/close", body: { confirmName: await w.currentNameOfA() } }),
    expect: sessionRoute(403, 403, 200, 422),
  },
  // After close: registering makes the new business each caller's active one, so no row of A may follow it.
  "business/register/route.ts POST": {
    request: () => ({ path: "/api/business/register", body: { businessName: "Another Shop" } }),
    expect: sessionRoute(201, 201, 201, 201),
  },
};

import type { Caller, World } from "./world";

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
  // Card billing is not configured in this file (no Stripe): those allowed through get 503 provider_not_configured.
  "billing/subscription/route.ts DELETE": { request: () => ({ path: "/api/billing/subscription" }), expect: sessionRoute(403, 403, 503, 503) },
  "billing/subscription/resume/route.ts POST": { request: () => ({ path: "/api/billing/subscription/resume" }), expect: sessionRoute(403, 403, 503, 503) },
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
  "business/register/route.ts POST": {
    request: () => ({ path: "/api/business/register", body: { businessName: "Another Shop" } }),
    expect: sessionRoute(201, 201, 201, 201),
  },
  "business/terminals/route.ts GET": { request: () => ({ path: "/api/business/terminals" }), expect: sessionRoute(200, 200, 200, 200) },
  "cron/credits-audit/route.ts GET": { request: () => ({ path: "/api/cron/credits-audit" }), expect: everyone(401) },
  "cron/expire-reservations/route.ts GET": { request: () => ({ path: "/api/cron/expire-reservations" }), expect: everyone(401) },
  "cron/expire-payments/route.ts GET": { request: () => ({ path: "/api/cron/expire-payments" }), expect: everyone(401) },
  "cron/reconcile-payments/route.ts GET": { request: () => ({ path: "/api/cron/reconcile-payments" }), expect: everyone(401) },
  "health/route.ts GET": { request: () => ({ path: "/api/health" }), expect: everyone(200) },
  "openapi.json/route.ts GET": { request: () => ({ path: "/api/openapi.json" }), expect: everyone(200) },
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
  "v1/me/route.ts GET": { request: () => ({ path: "/api/v1/me" }), expect: keyRoute(200) },
  "v1/usage/route.ts GET": { request: () => ({ path: "/api/v1/usage" }), expect: keyRoute(200) },
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
};

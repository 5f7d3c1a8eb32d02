// The events Tangabiz sends to webhook endpoints (and Zapier), with a sample `data` for each: the samples feed
// the dashboard, the OpenAPI document and Zapier's "perform list" (GET /api/v1/hooks/sample/:event).
export const webhookEventTypes = [
  "invoice.created",
  "invoice.paid",
  "invoice.overdue",
  "payment.succeeded",
  "payment.failed",
  "subscription.updated",
  "pos.transaction.created",
  "credits.low",
  "api_key.created",
  "api_key.revoked",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

// Sent only by "Send test event"; endpoints cannot subscribe to it.
export const TEST_EVENT_TYPE = "webhook.test";

const sampleInvoice = {
  id: "0193a1b2-0000-7000-8000-000000000001",
  number: "INV-2026-000042",
  status: "open",
  provider: "paynow",
  currency: "USD",
  totalCents: 2999,
  amountDueCents: 2999,
  amountPaidCents: 0,
  plan: "basic",
  periodStart: "2026-11-01T00:00:00.000Z",
  periodEnd: "2026-12-01T00:00:00.000Z",
  dueAt: "2026-11-08T00:00:00.000Z",
  paidAt: null,
};

const samplePayment = {
  id: "0193a1b2-0000-7000-8000-000000000002",
  invoiceId: sampleInvoice.id,
  provider: "paynow",
  method: "ecocash",
  status: "paid",
  amountCents: 2999,
  currency: "USD",
  paidAt: "2026-11-02T09:30:00.000Z",
  failureReason: null,
};

export const webhookEventCatalog: Record<WebhookEventType, { description: string; sample: Record<string, unknown> }> = {
  "invoice.created": { description: "An invoice was issued.", sample: sampleInvoice },
  "invoice.paid": {
    description: "An invoice was paid in full.",
    sample: { ...sampleInvoice, status: "paid", amountDueCents: 0, amountPaidCents: 2999, paidAt: "2026-11-02T09:30:00.000Z" },
  },
  "invoice.overdue": { description: "An open invoice passed its due date.", sample: sampleInvoice },
  "payment.succeeded": { description: "A payment (card or mobile money) succeeded.", sample: samplePayment },
  "payment.failed": {
    description: "A payment attempt failed.",
    sample: { ...samplePayment, status: "failed", paidAt: null, failureReason: "Insufficient balance" },
  },
  "subscription.updated": {
    description: "The plan, status or period of the subscription changed.",
    sample: {
      plan: "pro",
      status: "active",
      provider: "stripe",
      currentPeriodStart: "2026-11-01T00:00:00.000Z",
      currentPeriodEnd: "2026-12-01T00:00:00.000Z",
      cancelAtPeriodEnd: false,
    },
  },
  "pos.transaction.created": {
    description: "A POS terminal recorded a sale, refund or void.",
    sample: {
      id: "0193a1b2-0000-7000-8000-000000000003",
      reference: "till-2-000123",
      type: "sale",
      amountCents: 1250,
      currency: "USD",
      terminalId: "till-2",
      occurredAt: "2026-11-02T09:30:00.000Z",
    },
  },
  "credits.low": {
    description: "The credit balance fell below the low-balance threshold.",
    sample: { balance: 50, threshold: 100 },
  },
  "api_key.created": {
    description: "An API key was created (or issued by a rotation).",
    sample: { id: "0193a1b2-0000-7000-8000-000000000004", name: "Till 2", prefix: "tb_live_zFwc", environment: "live", scopes: ["pos:read", "pos:write"] },
  },
  "api_key.revoked": {
    description: "An API key was revoked.",
    sample: { id: "0193a1b2-0000-7000-8000-000000000004", name: "Till 2", prefix: "tb_live_zFwc", environment: "live", revokedAt: "2026-11-02T09:30:00.000Z" },
  },
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}

import { randomBytes } from "node:crypto";

// Object shapes as Stripe's API version 2026-10-28 returns them (periods on subscription items, an
// invoice's subscription under parent.subscription_details, line prices under pricing.price_details).
// Only the fields a reader of these objects is likely to touch; everything else real Stripe sends is omitted.

export const API_VERSION = "2026-10-28.endive";

export type Json = Record<string, any>;

export interface FakePrice {
  unitAmount: number;
  currency: string;
  productName: string;
}

export function stripeId(prefix: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return `${prefix}_${Array.from(randomBytes(24), (b) => alphabet[b % alphabet.length]).join("")}`;
}

export const now = () => Math.floor(Date.now() / 1000);
const MONTH = 30 * 24 * 3600;

export function priceObject(id: string, price: FakePrice): Json {
  return {
    id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: now() - 86_400,
    currency: price.currency,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: price.productName,
    product: `prod_${id.replace(/^price_/, "")}`,
    recurring: { interval: "month", interval_count: 1, meter: null, usage_type: "licensed" },
    tax_behavior: "unspecified",
    type: "recurring",
    unit_amount: price.unitAmount,
    unit_amount_decimal: String(price.unitAmount),
  };
}

export function customerObject(params: { name?: string; email?: string; metadata: Record<string, string> }): Json {
  return {
    id: stripeId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: params.email ?? null,
    invoice_prefix: randomBytes(4).toString("hex").toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: params.metadata,
    name: params.name ?? null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function subscriptionObject(params: { customer: string; price: Json; metadata: Record<string, string> }): Json {
  const id = stripeId("sub");
  const start = now();
  return {
    id,
    object: "subscription",
    application: null,
    billing_cycle_anchor: start,
    billing_mode: { type: "flexible" },
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: start,
    currency: params.price.currency,
    customer: params.customer,
    days_until_due: null,
    default_payment_method: stripeId("pm"),
    description: null,
    discounts: [],
    ended_at: null,
    items: {
      object: "list",
      data: [subscriptionItem(id, params.price, start)],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: params.metadata,
    pause_collection: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status: "active",
    test_clock: null,
    trial_end: null,
    trial_start: null,
  };
}

export function subscriptionItem(subscriptionId: string, price: Json, start = now()): Json {
  return {
    id: stripeId("si"),
    object: "subscription_item",
    created: start,
    current_period_start: start,
    current_period_end: start + MONTH,
    discounts: [],
    metadata: {},
    price,
    quantity: 1,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

export function invoiceObject(params: {
  customer: Json;
  subscription: Json;
  status: "paid" | "open";
  billingReason: string;
  baseUrl: string;
}): Json {
  const id = stripeId("in");
  const item = params.subscription.items.data[0];
  const price = item.price;
  const customer = params.customer;
  const created = now();
  const number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence++).padStart(4, "0")}`;
  const paid = params.status === "paid";
  const amount = price.unit_amount;
  const line = {
    id: stripeId("il"),
    object: "line_item",
    amount,
    currency: price.currency,
    description: `1 × ${price.nickname ?? price.product} (at ${(amount / 100).toFixed(2)} / month)`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: id,
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_item_details",
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: params.subscription.id, subscription_item: item.id },
    },
    period: { start: item.current_period_start, end: item.current_period_end },
    pretax_credit_amounts: [],
    pricing: { type: "price_details", price_details: { price: price.id, product: price.product }, unit_amount_decimal: String(amount) },
    quantity: 1,
    subtotal: amount,
    taxes: [],
  };
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Tangabiz (fake Stripe)",
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    attempt_count: 1,
    attempted: true,
    auto_advance: !paid,
    billing_reason: params.billingReason,
    collection_method: "charge_automatically",
    created,
    currency: price.currency,
    customer: customer.id,
    customer_email: customer.email,
    customer_name: customer.name,
    description: null,
    due_date: null,
    effective_at: created,
    hosted_invoice_url: `${params.baseUrl}/i/${id}`,
    invoice_pdf: `${params.baseUrl}/i/${id}/pdf`,
    lines: { object: "list", data: [line], has_more: false, total_count: 1, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: paid ? null : created + 3 * 24 * 3600,
    number,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: params.subscription.metadata, subscription: params.subscription.id },
    },
    period_end: created,
    period_start: created,
    status: params.status,
    status_transitions: { finalized_at: created, marked_uncollectible_at: null, paid_at: paid ? created : null, voided_at: null },
    subtotal: amount,
    subtotal_excluding_tax: amount,
    total: amount,
    total_excluding_tax: amount,
    total_taxes: [],
    webhooks_delivered_at: created,
  };
}

export function eventObject(type: string, object: Json, options: { created?: number; previous?: Json } = {}): Json {
  return {
    id: stripeId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: options.created ?? now(),
    data: { object: structuredClone(object), ...(options.previous ? { previous_attributes: options.previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: stripeId("req"), idempotency_key: null },
    type,
  };
}

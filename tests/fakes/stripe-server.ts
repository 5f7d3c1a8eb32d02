import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { bool, list, obj, parseStripeForm, str, stringRecord, type FormObject } from "./stripe-form";
import {
  customerObject,
  eventObject,
  invoiceObject,
  now,
  priceObject,
  stripeId,
  subscriptionItem,
  subscriptionObject,
  type FakePrice,
  type Json,
} from "./stripe-objects";
import { servePage } from "./stripe-pages";

// A local stand-in for the parts of Stripe's API the app calls (customers, checkout sessions,
// subscriptions, billing portal), with Stripe's error and idempotency behaviour, a hosted checkout page
// that redirects back to success_url, and helpers that produce the events Stripe would send.

export interface FakeStripeOptions {
  secretKey: string;
  prices: Record<string, FakePrice>;
  port?: number;
}

class StripeHttpError extends Error {
  constructor(readonly status: number, readonly type: string, message: string, readonly code?: string) {
    super(message);
  }
}

const missing = (kind: string, id: string) => new StripeHttpError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing");

export class FakeStripe {
  url = "";
  down = false;
  lastProration?: string;
  readonly customers = new Map<string, Json>();
  readonly sessions = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  readonly invoices = new Map<string, Json>();
  readonly requests: { method: string; path: string; body: FormObject; idempotencyKey?: string }[] = [];
  readonly events: Json[] = [];
  private readonly idempotent = new Map<string, { body: string; status: number; response: Json }>();
  private server?: Server;

  constructor(private readonly options: FakeStripeOptions) {}

  static async start(options: FakeStripeOptions): Promise<FakeStripe> {
    const fake = new FakeStripe(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(options.port ?? 0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  price(id: string): Json {
    const price = this.options.prices[id];
    if (!price) throw new StripeHttpError(400, "invalid_request_error", `No such price: '${id}'`, "resource_missing");
    return priceObject(id, price);
  }

  private emit(type: string, object: Json, options: { previous?: Json; created?: number } = {}): Json {
    const event = eventObject(type, object, options);
    this.events.push(event);
    return event;
  }

  // What Stripe does when the customer pays on the hosted page; returns the events it would send.
  completeCheckout(sessionId: string): Json[] {
    const session = this.sessions.get(sessionId);
    if (!session) throw missing("checkout.session", sessionId);
    if (session.status !== "open") throw new Error(`checkout session ${sessionId} is ${session.status}`);
    const before = this.events.length;
    if (session.mode === "subscription") {
      const customer = this.customers.get(session.customer)!;
      const price = this.price(session._price);
      const subscription = subscriptionObject({ customer: customer.id, price, metadata: session._subscriptionMetadata });
      const invoice = invoiceObject({ customer, subscription, status: "paid", billingReason: "subscription_create", baseUrl: this.url });
      subscription.latest_invoice = invoice.id;
      this.subscriptions.set(subscription.id, subscription);
      this.invoices.set(invoice.id, invoice);
      Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id, invoice: invoice.id });
      this.emit("customer.subscription.created", subscription);
      this.emit("invoice.finalized", { ...invoice, status: "open", amount_paid: 0 });
      this.emit("invoice.paid", invoice);
      this.emit("invoice.payment_succeeded", invoice);
    } else {
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: stripeId("pi") });
      this.emit("payment_intent.succeeded", { id: session.payment_intent, object: "payment_intent", amount: session.amount_total, currency: session.currency, status: "succeeded", metadata: session._paymentIntentMetadata });
    }
    this.emit("checkout.session.completed", this.publicSession(session));
    return this.events.slice(before);
  }

  // A renewal whose card payment fails: an open invoice and a past_due subscription.
  failRenewal(subscriptionId: string): Json[] {
    const subscription = this.subscriptions.get(subscriptionId)!;
    const customer = this.customers.get(subscription.customer)!;
    const invoice = invoiceObject({ customer, subscription, status: "open", billingReason: "subscription_cycle", baseUrl: this.url });
    this.invoices.set(invoice.id, invoice);
    subscription.status = "past_due";
    subscription.latest_invoice = invoice.id;
    return [this.emit("invoice.payment_failed", invoice), this.emit("customer.subscription.updated", subscription, { previous: { status: "active" } })];
  }

  payInvoice(invoiceId: string): Json[] {
    const invoice = this.invoices.get(invoiceId)!;
    Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0, attempt_count: invoice.attempt_count + 1, next_payment_attempt: null });
    invoice.status_transitions.paid_at = now();
    const subscription = this.subscriptions.get(invoice.parent.subscription_details.subscription)!;
    subscription.status = "active";
    return [
      this.emit("invoice.paid", invoice),
      this.emit("invoice.payment_succeeded", invoice),
      this.emit("customer.subscription.updated", subscription, { previous: { status: "past_due" } }),
    ];
  }

  // The subscription ends now (the period ran out after a cancellation, or Stripe gave up collecting).
  endSubscription(subscriptionId: string): Json {
    const subscription = this.subscriptions.get(subscriptionId)!;
    Object.assign(subscription, { status: "canceled", canceled_at: now(), ended_at: now() });
    return this.emit("customer.subscription.deleted", subscription);
  }

  snapshotEvent(type: string, object: Json, options: { previous?: Json; created?: number } = {}): Json {
    return this.emit(type, object, options);
  }

  private publicSession(session: Json): Json {
    return Object.fromEntries(Object.entries(session).filter(([key]) => !key.startsWith("_")));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    try {
      if (url.pathname.startsWith("/v1/")) return this.api(req, res, url, raw);
      return servePage(this, req, res, url);
    } catch (error) {
      const e = error instanceof StripeHttpError ? error : new StripeHttpError(500, "api_error", (error as Error).message);
      send(res, e.status, { error: { type: e.type, code: e.code, message: e.message } });
    }
  }

  private api(req: IncomingMessage, res: ServerResponse, url: URL, raw: string) {
    if (req.headers.authorization !== `Bearer ${this.options.secretKey}`) {
      throw new StripeHttpError(401, "invalid_request_error", "Invalid API Key provided.");
    }
    if (this.down) throw new StripeHttpError(500, "api_error", "Fake Stripe is down.");
    const body = parseStripeForm(req.method === "GET" ? url.search.slice(1) : raw);
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
    this.requests.push({ method: req.method!, path: url.pathname, body, idempotencyKey });
    // Stripe keeps each key's first answer for 24 hours and refuses the key with other parameters.
    const useKey = req.method === "POST" || req.method === "DELETE" ? idempotencyKey : undefined;
    const cached = useKey ? this.idempotent.get(useKey) : undefined;
    if (cached) {
      if (cached.body !== `${url.pathname}?${raw}`) {
        throw new StripeHttpError(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
      }
      return send(res, cached.status, cached.response, { "idempotent-replayed": "true" });
    }
    const response = this.route(req.method!, url.pathname, body);
    if (useKey) this.idempotent.set(useKey, { body: `${url.pathname}?${raw}`, status: 200, response });
    send(res, 200, response);
  }

  private route(method: string, path: string, body: FormObject): Json {
    let match: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/customers") {
      const customer = customerObject({ name: str(body.name), email: str(body.email), metadata: stringRecord(body.metadata) });
      this.customers.set(customer.id, customer);
      return customer;
    }
    if (method === "POST" && path === "/v1/checkout/sessions") return this.publicSession(this.createSession(body));
    if ((match = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/))) {
      const session = this.sessions.get(match[1]);
      if (!session) throw missing("checkout.session", match[1]);
      if (match[2] && method === "POST") Object.assign(session, { status: "expired", url: null });
      return this.publicSession(session);
    }
    if ((match = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) {
      const subscription = this.subscriptions.get(match[1]);
      if (!subscription) throw missing("subscription", match[1]);
      if (method === "POST") this.updateSubscription(subscription, body);
      if (method === "DELETE") {
        // Stripe refuses to cancel a subscription that already ended.
        if (subscription.status === "canceled") throw new StripeHttpError(400, "invalid_request_error", `No such subscription: '${match[1]}'`, "resource_missing");
        Object.assign(subscription, { status: "canceled", canceled_at: now(), ended_at: now() });
        this.emit("customer.subscription.deleted", subscription);
      }
      return structuredClone(subscription);
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      const customer = str(body.customer) ?? "";
      if (!this.customers.has(customer)) throw missing("customer", customer);
      const id = stripeId("bps");
      return { id, object: "billing_portal.session", configuration: "bpc_fake", created: now(), customer, flow: null, livemode: false, locale: null, on_behalf_of: null, return_url: str(body.return_url) ?? null, url: `${this.url}/p/session/${id}?return=${encodeURIComponent(str(body.return_url) ?? "")}` };
    }
    throw new StripeHttpError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  private createSession(body: FormObject): Json {
    const mode = str(body.mode);
    const customer = str(body.customer);
    if (mode !== "subscription" && mode !== "payment") throw new StripeHttpError(400, "invalid_request_error", "Invalid mode", "parameter_invalid_empty");
    if (customer && !this.customers.has(customer)) throw missing("customer", customer);
    if (!str(body.success_url)) throw new StripeHttpError(400, "invalid_request_error", "Missing required param: success_url.", "parameter_missing");
    const line = obj(list(body.line_items)[0]);
    const priceId = str(line.price);
    const priceData = obj(line.price_data);
    const amount = priceId ? this.price(priceId).unit_amount : Number(str(priceData.unit_amount));
    const currency = priceId ? this.price(priceId).currency : str(priceData.currency);
    const id = stripeId("cs_test");
    const session = {
      id,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: str(body.cancel_url) ?? null,
      client_reference_id: str(body.client_reference_id) ?? null,
      created: now(),
      currency,
      customer: customer ?? null,
      customer_email: null,
      expires_at: now() + 24 * 3600,
      invoice: null,
      livemode: false,
      metadata: stringRecord(body.metadata),
      mode,
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      subscription: null,
      success_url: str(body.success_url),
      ui_mode: "hosted",
      url: `${this.url}/c/pay/${id}`,
      _price: priceId,
      _productName: priceId ? this.price(priceId).nickname : str(obj(priceData.product_data).name),
      _subscriptionMetadata: stringRecord(obj(body.subscription_data).metadata),
      _paymentIntentMetadata: stringRecord(obj(body.payment_intent_data).metadata),
    };
    this.sessions.set(id, session);
    return session;
  }

  private updateSubscription(subscription: Json, body: FormObject) {
    const previous: Json = {};
    for (const change of list(body.items).map(obj)) {
      const item = subscription.items.data.find((i: Json) => i.id === str(change.id));
      const price = this.price(str(change.price) ?? "");
      previous.items = structuredClone(subscription.items);
      if (item) item.price = price;
      else subscription.items.data.push(subscriptionItem(subscription.id, price));
    }
    const cancel = bool(body.cancel_at_period_end);
    if (cancel !== undefined) {
      previous.cancel_at_period_end = subscription.cancel_at_period_end;
      subscription.cancel_at_period_end = cancel;
      subscription.canceled_at = cancel ? now() : null;
      subscription.cancellation_details = { comment: null, feedback: null, reason: cancel ? "cancellation_requested" : null };
    }
    if (body.metadata) subscription.metadata = { ...subscription.metadata, ...stringRecord(body.metadata) };
    this.lastProration = str(body.proration_behavior);
    this.emit("customer.subscription.updated", subscription, { previous });
  }

  eventsOfSession(sessionId: string): Json[] {
    const session = this.sessions.get(sessionId);
    if (!session) return [];
    const related = new Set([session.id, session.subscription, session.invoice, session.payment_intent].filter(Boolean));
    return this.events.filter((event) => related.has(event.data.object.id));
  }
}

export function send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": stripeId("req"), ...headers });
  res.end(JSON.stringify(body));
}

export function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { location });
  res.end();
}

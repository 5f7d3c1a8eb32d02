import { createHmac, randomInt, randomUUID } from "node:crypto";

// Signs webhook deliveries the way Shopify does: X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(raw body, app
// secret)), with the topic, shop domain, API version and a webhook id that stays the same across retries.
// `send` posts a delivery to a running app over HTTP; tests that call the route handler use `delivery`.
export class FakeShopify {
  constructor(readonly secret: string, readonly shopDomain = "tangabiz-credits.myshopify.com") {}

  delivery(topic: string, payload: unknown, options: { webhookId?: string; rawBody?: string; secret?: string } = {}) {
    const rawBody = options.rawBody ?? JSON.stringify(payload);
    const hmac = createHmac("sha256", options.secret ?? this.secret).update(rawBody, "utf8").digest("base64");
    return {
      rawBody,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": topic,
        "x-shopify-hmac-sha256": hmac,
        "x-shopify-shop-domain": this.shopDomain,
        "x-shopify-api-version": "2026-10",
        "x-shopify-webhook-id": options.webhookId ?? randomUUID(),
        "x-shopify-triggered-at": new Date().toISOString(),
      } as Record<string, string>,
    };
  }

  async send(url: string, topic: string, payload: unknown, options: { webhookId?: string } = {}) {
    const { rawBody, headers } = this.delivery(topic, payload, options);
    const res = await fetch(url, { method: "POST", headers, body: rawBody });
    return { status: res.status, json: await res.json().catch(() => null) };
  }

  // An orders/paid payload shaped like Shopify's (the fields the app reads, plus some it ignores).
  order(input: { email: string; customerId?: number; lines: { sku?: string | null; quantity?: number; sellingPlanId?: number }[]; processedAt?: string }) {
    const id = randomInt(1, 2 ** 40);
    return {
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      email: input.email,
      contact_email: input.email,
      currency: "USD",
      financial_status: "paid",
      processed_at: input.processedAt ?? new Date().toISOString(),
      created_at: new Date().toISOString(),
      customer: { id: input.customerId ?? randomInt(1, 2 ** 40), email: input.email, first_name: "Test" },
      line_items: input.lines.map((line) => ({
        id: randomInt(1, 2 ** 40),
        sku: line.sku ?? null,
        quantity: line.quantity ?? 1,
        price: "10.00",
        title: line.sellingPlanId ? "Tangabiz credits subscription" : "Tangabiz credits",
        selling_plan_allocation: line.sellingPlanId ? { selling_plan: { id: line.sellingPlanId, name: "Monthly" }, price: "29.99" } : null,
      })),
    };
  }
}

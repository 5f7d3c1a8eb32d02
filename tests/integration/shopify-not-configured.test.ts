import { describe, expect, it } from "vitest";
import * as route from "@/app/api/webhooks/shopify/route";
import { prisma } from "@/lib/db";
import { call } from "../helpers/http";

describe("POST /api/webhooks/shopify without SHOPIFY_WEBHOOK_SECRET", () => {
  it("answers 503 provider_not_configured and records nothing", async () => {
    const res = await call(route.POST as Parameters<typeof call>[0], "/api/webhooks/shopify", {
      rawBody: "{}",
      headers: { "x-shopify-topic": "orders/paid", "x-shopify-webhook-id": "not-configured-w1", "x-shopify-hmac-sha256": "x" },
      method: "POST",
    });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("provider_not_configured");
    expect(await prisma.shopifyDelivery.count({ where: { webhookId: "not-configured-w1" } })).toBe(0);
  });
});

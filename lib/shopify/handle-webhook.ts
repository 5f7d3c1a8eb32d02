import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { consumeRequest } from "@/lib/rate-limit/api-key-limiter";
import { claimShopifyDelivery } from "./claim-delivery";
import { requireShopifySettings } from "./config";
import { applyOrderPaid, ShopifyMappingError } from "./on-order-paid";
import { readBodyBytes } from "@/lib/api/read-body";
import { shopifyOrderSchema } from "./schemas";
import { verifyShopifySignature } from "./verify-signature";

const MAX_BODY_BYTES = 1024 * 1024;
const PER_SHOP_PER_HOUR = 3_600;
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export type ShopifyWebhookResult = { status: "processed" | "ignored" | "failed" | "duplicate"; deliveryId?: string; error?: string; credits?: number };

// POST /api/webhooks/shopify. Nothing is written before the signature checks out. Deliveries are recorded
// once per X-Shopify-Webhook-Id; a delivery that can never succeed is recorded failed and answered 200 (so
// Shopify stops retrying); a database error is answered 500 so Shopify retries.
export async function handleShopifyWebhook(req: Request): Promise<ShopifyWebhookResult> {
  const settings = requireShopifySettings();
  const shopDomain = (req.headers.get("x-shopify-shop-domain") ?? "").slice(0, 255);
  const limit = await consumeRequest(`shopify:${shopDomain || "unknown"}`, PER_SHOP_PER_HOUR);
  if (!limit.allowed) throw new ApiError("rate_limited", "Too many deliveries.", { headers: { "Retry-After": String(limit.resetSeconds) } });

  const rawBody = Buffer.from(await readBodyBytes(req, MAX_BODY_BYTES));
  if (!verifyShopifySignature(rawBody, req.headers.get("x-shopify-hmac-sha256"), settings.secret)) {
    throw new ApiError("invalid_signature", "X-Shopify-Hmac-Sha256 is missing or does not match the body.", { status: 401 });
  }
  const webhookId = req.headers.get("x-shopify-webhook-id") ?? "";
  const topic = req.headers.get("x-shopify-topic") ?? "";
  if (!webhookId || webhookId.length > 200 || !topic || topic.length > 100) {
    throw new ApiError("validation_failed", "X-Shopify-Webhook-Id and X-Shopify-Topic are required.", { status: 400 });
  }

  const claim = await claimShopifyDelivery({ webhookId, topic, shopDomain });
  if (claim.outcome === "in_progress") throw new ApiError("conflict", `Delivery ${webhookId} is being processed; retry later.`);
  if (claim.outcome === "duplicate") return { status: "duplicate" };
  const deliveryId = claim.id;

  if (topic !== "orders/paid") {
    await finish(deliveryId, { status: "ignored" });
    return { status: "ignored", deliveryId };
  }
  let order;
  try {
    order = shopifyOrderSchema.parse(JSON.parse(rawBody.toString("utf8")));
  } catch {
    const error = "The orders/paid payload is not a Shopify order (id, line_items with quantity).";
    await finish(deliveryId, { status: "failed", error });
    return { status: "failed", deliveryId, error };
  }

  try {
    const result = await prisma.$transaction(async (tx) => {
      const applied = await applyOrderPaid(tx, order, deliveryId, settings);
      await tx.shopifyDelivery.update({
        where: { id: deliveryId },
        data: { status: "processed", processedAt: new Date(), businessId: applied.businessId, shopifyOrderId: order.id, creditsGranted: applied.credits },
      });
      return applied;
    }, TX_OPTIONS);
    return { status: "processed", deliveryId, credits: result.credits };
  } catch (error) {
    if (error instanceof ShopifyMappingError) {
      await finish(deliveryId, { status: "failed", error: error.message, businessId: error.businessId, shopifyOrderId: order.id });
      return { status: "failed", deliveryId, error: error.message };
    }
    await finish(deliveryId, { status: "failed", error: `Temporary error: ${(error as Error).message}`.slice(0, 2000) }).catch(() => {});
    throw error;
  }
}

function finish(id: string, data: { status: "ignored" | "failed"; error?: string; businessId?: string | null; shopifyOrderId?: string }) {
  return prisma.shopifyDelivery.update({ where: { id }, data: { ...data, processedAt: new Date() } });
}

import { handleApiError } from "@/lib/api/errors";
import { handleShopifyWebhook } from "@/lib/shopify/handle-webhook";

// POST /api/webhooks/shopify — Shopify deliveries (orders/paid): HMAC-verified, recorded once per webhook id
export async function POST(req: Request) {
  try {
    const result = await handleShopifyWebhook(req);
    return Response.json({ received: true, ...result });
  } catch (error) {
    return handleApiError(error);
  }
}

import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { createTopup } from "@/lib/credits/create-topup";
import { apiTopupSchema } from "@/lib/credits/schemas";

export const dynamic = "force-dynamic";

// POST /api/v1/checkout/topup — an app starts a top-up: { orderId, url } of Stripe Checkout or the mobile-money pay link
export const POST = withApiKey(
  async (req, { key }) => {
    const input = await parseJsonBody(req, apiTopupSchema);
    const result = await createTopup(key.businessId, input);
    return Response.json({ orderId: result.orderId, url: result.url, provider: result.provider }, { status: 201 });
  },
  { scope: "credits:write" },
);

import { withApiKey } from "@/lib/api/with-api-key";
import { getCreditSummary } from "@/lib/credits/read-credits";

export const dynamic = "force-dynamic";

// GET /api/v1/credits — balance, available, reserved, both buckets and the plan period
export const GET = withApiKey(async (_req, { key }) => Response.json(await getCreditSummary(key.businessId)), {
  scope: ["credits:read", "credits:write"],
});

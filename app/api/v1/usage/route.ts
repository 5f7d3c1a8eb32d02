import { parseSearchParams } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { usageQuerySchema } from "@/lib/usage/schemas";
import { getUsageSummary } from "@/lib/usage/usage-summary";

export const dynamic = "force-dynamic";

// GET /api/v1/usage?from&to — usage per event type and transaction totals per currency and type
export const GET = withApiKey(
  async (req, { key }) => {
    const { from, to } = parseSearchParams(req, usageQuerySchema);
    return Response.json(await getUsageSummary(key.businessId, from, to));
  },
  { scope: "usage:read", usageEvent: "v1.usage" },
);

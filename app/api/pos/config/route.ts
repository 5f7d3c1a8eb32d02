import { withApiKey } from "@/lib/api/with-api-key";
import { getPosConfig } from "@/lib/pos/settings";

export const dynamic = "force-dynamic";

// GET /api/pos/config — the terminal settings the owner edits in the dashboard
export const GET = withApiKey(async (_req, { key }) => Response.json(await getPosConfig(key.businessId)), {
  scope: "pos:read",
  usageEvent: "pos.config",
});

import { withSession } from "@/lib/api/with-session";
import { listIntegrations } from "@/lib/integrations/list-integrations";

export const dynamic = "force-dynamic";

// GET /api/integrations — all eight integrations with status, last sync and its counts; secrets masked
export const GET = withSession(async (_req, { member }) => Response.json({ integrations: await listIntegrations(member.businessId) }), {
  role: "admin",
});

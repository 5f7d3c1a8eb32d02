import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { posConfigSchema } from "@/lib/pos/schemas";
import { getPosConfig, updatePosConfig } from "@/lib/pos/settings";
import { requestOrigin } from "@/lib/audit/request-meta";

// GET /api/business/pos-config — terminal settings of the active business
export const GET = withSession(async (_req, { member }) => Response.json(await getPosConfig(member.businessId)), { role: "staff" });

// PUT /api/business/pos-config — replace the terminal settings (owner, admin)
export const PUT = withSession(
  async (req, { member, user }) => {
    const config = await parseJsonBody(req, posConfigSchema);
    return Response.json(await updatePosConfig(member.businessId, user.id, config, requestOrigin(req.headers)));
  },
  { role: "admin" },
);

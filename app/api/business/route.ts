import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { updateBusinessSchema } from "@/lib/business/schemas";
import { getBusiness, updateBusiness } from "@/lib/business/update-business";
import { requestOrigin } from "@/lib/audit/request-meta";

// GET /api/business — the active business and the caller's role in it
export const GET = withSession(
  async (_req, { member }) => Response.json({ business: await getBusiness(member.businessId), role: member.role }),
  { role: "staff" },
);

// PATCH /api/business — rename the active business or change its billing email (owner)
export const PATCH = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, updateBusinessSchema);
    return Response.json({ business: await updateBusiness(member.businessId, user.id, input, requestOrigin(req.headers)) });
  },
  { role: "owner" },
);

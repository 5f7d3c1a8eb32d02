import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { withSession } from "@/lib/api/with-session";
import { requestOrigin } from "@/lib/audit/request-meta";

// DELETE /api/api-keys/:id — revoke a key; it stops working at once here and within 30 s everywhere
export const DELETE = withSession<{ id: string }>(
  async (req, { member, user, params }) => {
    await revokeApiKey(member.businessId, params.id, user.id, requestOrigin(req.headers));
    return Response.json({ success: true });
  },
  { role: "admin" },
);

import { withSession } from "@/lib/api/with-session";
import { userActor } from "@/lib/audit/request-meta";
import { rotateEndpointSecret } from "@/lib/webhooks-out/manage-endpoints";

// POST /api/webhook-endpoints/:id/rotate-secret — a new whsec_ secret, shown once; the old one stops at once
export const POST = withSession<{ id: string }>(
  async (req, { member, user, params }) =>
    Response.json(await rotateEndpointSecret(member.businessId, params.id, userActor(req, user.id))),
  { role: "admin" },
);

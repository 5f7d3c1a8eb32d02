import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { userActor } from "@/lib/audit/request-meta";
import { createEndpoint, listEndpoints } from "@/lib/webhooks-out/manage-endpoints";
import { createWebhookEndpointSchema } from "@/lib/webhooks-out/schemas";

// GET /api/webhook-endpoints — the business's endpoints (never their secrets)
export const GET = withSession(async (_req, { member }) => Response.json({ endpoints: await listEndpoints(member.businessId) }), {
  role: "admin",
});

// POST /api/webhook-endpoints — add an endpoint; its whsec_ secret is in this response only
export const POST = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, createWebhookEndpointSchema);
    return Response.json(await createEndpoint(member.businessId, userActor(req, user.id), input), { status: 201 });
  },
  { role: "admin" },
);

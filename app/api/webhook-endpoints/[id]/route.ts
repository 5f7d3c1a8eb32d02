import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { userActor } from "@/lib/audit/request-meta";
import { deleteEndpoint, updateEndpoint } from "@/lib/webhooks-out/manage-endpoints";
import { updateWebhookEndpointSchema } from "@/lib/webhooks-out/schemas";

// PATCH /api/webhook-endpoints/:id — change URL, events, description, or enable/disable
export const PATCH = withSession<{ id: string }>(
  async (req, { member, user, params }) => {
    const input = await parseJsonBody(req, updateWebhookEndpointSchema);
    return Response.json({ endpoint: await updateEndpoint(member.businessId, params.id, userActor(req, user.id), input) });
  },
  { role: "admin" },
);

// DELETE /api/webhook-endpoints/:id — stop sending to it; its delivery log goes with it
export const DELETE = withSession<{ id: string }>(
  async (req, { member, user, params }) => {
    await deleteEndpoint(member.businessId, params.id, userActor(req, user.id));
    return Response.json({ success: true });
  },
  { role: "admin" },
);

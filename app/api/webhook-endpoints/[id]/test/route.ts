import { withSession } from "@/lib/api/with-session";
import { sendTestEvent } from "@/lib/webhooks-out/deliveries";

// POST /api/webhook-endpoints/:id/test — queue a webhook.test event to this endpoint → 202 with the delivery
export const POST = withSession<{ id: string }>(
  async (_req, { member, params }) => Response.json({ delivery: await sendTestEvent(member.businessId, params.id) }, { status: 202 }),
  { role: "admin" },
);

import { withSession } from "@/lib/api/with-session";
import { replayDelivery } from "@/lib/webhooks-out/deliveries";

// POST /api/webhook-deliveries/:id/replay — send the same event again (same webhook-id) → 202 with the new delivery
export const POST = withSession<{ id: string }>(
  async (_req, { member, params }) => Response.json({ delivery: await replayDelivery(member.businessId, params.id) }, { status: 202 }),
  { role: "admin" },
);

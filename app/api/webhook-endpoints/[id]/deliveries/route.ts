import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { listDeliveries } from "@/lib/webhooks-out/deliveries";

const query = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

// GET /api/webhook-endpoints/:id/deliveries — the endpoint's delivery log, newest first
export const GET = withSession<{ id: string }>(
  async (req, { member, params }) => {
    const { limit } = parseSearchParams(req, query);
    return Response.json({ deliveries: await listDeliveries(member.businessId, params.id, limit) });
  },
  { role: "admin" },
);

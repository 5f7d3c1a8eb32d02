import { ApiError } from "@/lib/api/errors";
import { withSession } from "@/lib/api/with-session";
import { findOrderView } from "@/lib/credits/order-view";

// GET /api/credits/orders/:id — a top-up order's state, polled by the credits page after checkout (member)
export const GET = withSession<{ id: string }>(
  async (_req, { member, params }) => {
    const order = await findOrderView(member.businessId, params.id);
    if (!order) throw new ApiError("not_found", "No order with that id.");
    return Response.json({ order });
  },
  { role: "staff" },
);

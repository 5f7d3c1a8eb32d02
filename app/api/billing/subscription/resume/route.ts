import { withSession } from "@/lib/api/with-session";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";
import { requestOrigin } from "@/lib/audit/request-meta";

// POST /api/billing/subscription/resume — undo a scheduled cancellation (owner)
export const POST = withSession(
  async (req, { member, user }) => {
    const subscription = await setCancelAtPeriodEnd(member.businessId, user.id, false, requestOrigin(req.headers));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

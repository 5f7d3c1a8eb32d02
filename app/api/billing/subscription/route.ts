import { withSession } from "@/lib/api/with-session";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";
import { requestOrigin } from "@/lib/audit/request-meta";

// DELETE /api/billing/subscription — cancel at the end of the paid period; access continues until then (owner)
export const DELETE = withSession(
  async (req, { member, user }) => {
    const subscription = await setCancelAtPeriodEnd(member.businessId, user.id, true, requestOrigin(req.headers));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

import { withSession } from "@/lib/api/with-session";
import { setOwnCancelAtPeriodEnd } from "@/lib/billing/cancel-own-subscription";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";
import { requestOrigin } from "@/lib/audit/request-meta";

// DELETE /api/billing/subscription — cancel at the end of the paid period; access continues until then (owner)
export const DELETE = withSession(
  async (req, { member, user }) => {
    const origin = requestOrigin(req.headers);
    const subscription =
      (await setOwnCancelAtPeriodEnd(member.businessId, user.id, true, origin)) ??
      (await setCancelAtPeriodEnd(member.businessId, user.id, true, origin));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

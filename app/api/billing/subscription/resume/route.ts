import { withSession } from "@/lib/api/with-session";
import { setOwnCancelAtPeriodEnd } from "@/lib/billing/cancel-own-subscription";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";
import { requestOrigin } from "@/lib/audit/request-meta";

// POST /api/billing/subscription/resume — undo a scheduled cancellation (owner)
export const POST = withSession(
  async (req, { member, user }) => {
    const origin = requestOrigin(req.headers);
    const subscription =
      (await setOwnCancelAtPeriodEnd(member.businessId, user.id, false, origin)) ??
      (await setCancelAtPeriodEnd(member.businessId, user.id, false, origin));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

import { withSession } from "@/lib/api/with-session";
import { setOwnCancelAtPeriodEnd } from "@/lib/billing/cancel-own-subscription";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";

// POST /api/billing/subscription/resume — undo a scheduled cancellation (owner)
export const POST = withSession(
  async (_req, { member, user }) => {
    const subscription =
      (await setOwnCancelAtPeriodEnd(member.businessId, user.id, false)) ?? (await setCancelAtPeriodEnd(member.businessId, user.id, false));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

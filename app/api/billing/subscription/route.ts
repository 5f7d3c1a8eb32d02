import { withSession } from "@/lib/api/with-session";
import { setOwnCancelAtPeriodEnd } from "@/lib/billing/cancel-own-subscription";
import { setCancelAtPeriodEnd } from "@/lib/payments/stripe/subscription-actions";

// DELETE /api/billing/subscription — cancel at the end of the paid period; access continues until then (owner)
export const DELETE = withSession(
  async (_req, { member, user }) => {
    const subscription =
      (await setOwnCancelAtPeriodEnd(member.businessId, user.id, true)) ?? (await setCancelAtPeriodEnd(member.businessId, user.id, true));
    return Response.json({ success: true, subscription });
  },
  { role: "owner" },
);

import { withSession } from "@/lib/api/with-session";
import { reapplyPaynowCallback } from "@/lib/operations/reapply-callback";

// POST /api/operations/callbacks/:id/reapply — apply again a verified Paynow callback that failed to apply (owner, admin)
export const POST = withSession<{ id: string }>(
  async (_req, { params, member, user }) => Response.json({ success: true, ...(await reapplyPaynowCallback(member.businessId, params.id, user.id)) }),
  { role: "admin" },
);

import { withSession } from "@/lib/api/with-session";
import { sendEmailAgain } from "@/lib/email/send-email-again";

// POST /api/emails/:id/send-again — re-queue a failed email of the active business (owners and admins)
export const POST = withSession<{ id: string }>(
  async (_req, { member, user, params }) => {
    const email = await sendEmailAgain(member.businessId, params.id, user.id);
    return Response.json({ email });
  },
  { role: "admin" },
);

import { withSession } from "@/lib/api/with-session";
import { listOutbox } from "@/lib/business/queries";

// GET /api/emails — the active business's outbox, newest first: status (queued | sent | kept | failed),
// attempts, next attempt and last error of each message (owners and admins)
export const GET = withSession(
  async (_req, { member }) => {
    const messages = await listOutbox(member.businessId);
    return Response.json({ emails: messages.map(({ html: _html, ...email }) => email) });
  },
  { role: "admin" },
);

import { withSession } from "@/lib/api/with-session";
import { listTerminals } from "@/lib/pos/terminals";

const ONLINE_WINDOW_MS = 5 * 60_000;

// GET /api/business/terminals — terminals seen, online if seen in the last 5 minutes
export const GET = withSession(
  async (_req, { member }) => {
    const now = Date.now();
    const terminals = (await listTerminals(member.businessId)).map((t) => ({
      terminalId: t.terminalId,
      lastSeenAt: t.lastSeenAt,
      online: now - t.lastSeenAt.getTime() < ONLINE_WINDOW_MS,
    }));
    return Response.json({ terminals });
  },
  { role: "staff" },
);

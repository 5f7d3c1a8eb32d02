import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { heartbeatSchema } from "@/lib/pos/schemas";
import { markTerminalSeen } from "@/lib/pos/terminals";

export const dynamic = "force-dynamic";

// POST /api/pos/heartbeat — a terminal says it is alive
export const POST = withApiKey(
  async (req, { key }) => {
    const { terminalId } = await parseJsonBody(req, heartbeatSchema);
    const now = new Date();
    if (terminalId) await markTerminalSeen(key.businessId, key.plan, terminalId, key.keyId, now);
    return Response.json({ success: true, timestamp: now.toISOString() });
  },
  { scope: ["pos:read", "pos:write"], usageEvent: "pos.heartbeat" },
);

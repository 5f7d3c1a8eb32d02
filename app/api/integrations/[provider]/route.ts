import { withSession } from "@/lib/api/with-session";
import { disconnectIntegration } from "@/lib/integrations/disconnect-integration";
import { parseProvider } from "@/lib/integrations/parse-provider";

export const dynamic = "force-dynamic";

// DELETE /api/integrations/:provider — disconnect: credentials deleted, queued syncs stopped, history kept
export const DELETE = withSession<{ provider: string }>(
  async (_req, { member, user, params }) => {
    await disconnectIntegration(member.businessId, user.id, parseProvider(params.provider));
    return Response.json({ success: true });
  },
  { role: "admin" },
);

import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { connectIntegration } from "@/lib/integrations/connect-integration";
import { connectIntegrationSchema } from "@/lib/integrations/schemas";

export const dynamic = "force-dynamic";

// POST /api/integrations/connect — connect or reconfigure; the provider checks the credentials before anything is saved
export const POST = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, connectIntegrationSchema);
    return Response.json({ integration: await connectIntegration(member.businessId, user.id, input) });
  },
  { role: "admin" },
);

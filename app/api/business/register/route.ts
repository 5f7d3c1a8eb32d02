import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { registerBusiness } from "@/lib/business/register-business";
import { registerBusinessSchema } from "@/lib/business/schemas";

// POST /api/business/register — create a business owned by the signed-in user, on the free plan
export const POST = withSession(
  async (req, { user, session }) => {
    const input = await parseJsonBody(req, registerBusinessSchema);
    const business = await registerBusiness(
      { userId: user.id, sessionId: session.id, ipAddress: session.ipAddress },
      input,
    );
    return Response.json({ business }, { status: 201 });
  },
  { role: null },
);

import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { registerBusiness } from "@/lib/business/register-business";
import { registerBusinessSchema } from "@/lib/business/schemas";
import { verifyCvtApiKey } from "@/lib/payments/cvt/verify-customer";

// POST /api/business/register — create a business owned by the signed-in user with its first API key
export const POST = withSession(
  async (req, { user, session }) => {
    const input = await parseJsonBody(req, registerBusinessSchema);
    const cvt = input.cvtApiKey ? await verifyCvtApiKey(input.cvtApiKey) : undefined;
    const { business, key, apiKey } = await registerBusiness(
      { userId: user.id, sessionId: session.id, ipAddress: session.ipAddress, userAgent: session.userAgent },
      input,
      cvt,
    );
    return Response.json({ business, apiKey: { ...apiKey, key } }, { status: 201 });
  },
  { role: null },
);

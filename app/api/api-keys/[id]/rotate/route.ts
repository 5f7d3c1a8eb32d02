import { rotateApiKey } from "@/lib/api-keys/manage-api-keys";
import { rotateApiKeySchema } from "@/lib/api-keys/schemas";
import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { requestOrigin } from "@/lib/audit/request-meta";

// POST /api/api-keys/:id/rotate — a new key shown once; the old one works for graceSeconds more
export const POST = withSession<{ id: string }>(
  async (req, { member, user, params }) => {
    const { graceSeconds } = await parseJsonBody(req, rotateApiKeySchema);
    return Response.json(await rotateApiKey(member.businessId, params.id, user.id, graceSeconds, requestOrigin(req.headers)), { status: 201 });
  },
  { role: "admin" },
);

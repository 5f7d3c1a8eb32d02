import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { requestOrigin } from "@/lib/audit/request-meta";

// GET /api/api-keys — the business's keys, never the key or its hash
export const GET = withSession(async (_req, { member }) => Response.json({ keys: await listApiKeys(member.businessId) }), {
  role: "admin",
});

// POST /api/api-keys — create a key; the full key is in this response only
export const POST = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, createApiKeySchema);
    return Response.json(await createApiKey(member.businessId, user.id, input, requestOrigin(req.headers)), { status: 201 });
  },
  { role: "admin" },
);

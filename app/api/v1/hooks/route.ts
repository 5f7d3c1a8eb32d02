import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/request-meta";
import { zapierSubscribeSchema } from "@/lib/webhooks-out/schemas";
import { subscribeZapierHook } from "@/lib/webhooks-out/zapier-hooks";

export const dynamic = "force-dynamic";

// POST /api/v1/hooks — Zapier REST hook subscribe: { target_url, event } → 201 { id }
export const POST = withApiKey(
  async (req, { key }) => {
    const input = await parseJsonBody(req, zapierSubscribeSchema);
    return Response.json(await subscribeZapierHook(key.businessId, apiKeyActor(req, key.keyId), input), { status: 201 });
  },
  { scope: "webhooks:manage" },
);

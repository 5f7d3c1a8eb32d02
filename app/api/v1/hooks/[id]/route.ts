import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/request-meta";
import { unsubscribeZapierHook } from "@/lib/webhooks-out/zapier-hooks";

export const dynamic = "force-dynamic";

// DELETE /api/v1/hooks/:id — Zapier REST hook unsubscribe
export const DELETE = withApiKey<{ id: string }>(
  async (req, { key, params }) => {
    await unsubscribeZapierHook(key.businessId, apiKeyActor(req, key.keyId), params.id);
    return Response.json({ success: true });
  },
  { scope: "webhooks:manage" },
);

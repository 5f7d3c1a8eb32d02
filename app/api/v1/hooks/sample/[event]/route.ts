import { ApiError } from "@/lib/api/errors";
import { withApiKey } from "@/lib/api/with-api-key";
import { webhookEventTypeSchema } from "@/lib/webhooks-out/schemas";
import { samplePayloads } from "@/lib/webhooks-out/zapier-hooks";

export const dynamic = "force-dynamic";

// GET /api/v1/hooks/sample/:event — sample payloads of an event (Zapier's perform list)
export const GET = withApiKey<{ event: string }>(
  async (_req, { key, params }) => {
    const event = webhookEventTypeSchema.safeParse(params.event);
    if (!event.success) throw new ApiError("not_found", `No event type "${params.event.slice(0, 64)}". See GET /api/openapi.json for the list.`);
    return Response.json(samplePayloads(key.businessId, event.data));
  },
  { scope: "webhooks:manage" },
);

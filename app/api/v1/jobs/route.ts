import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { idempotencyKeySchema, reserveJobSchema } from "@/lib/credits/schemas";

export const dynamic = "force-dynamic";

// POST /api/v1/jobs — hold ceil(requestedSeconds / 5) credits for a job; 402 when the available balance is short
export const POST = withApiKey(
  async (req, { key }) => {
    const input = await parseJsonBody(req, reserveJobSchema);
    const header = req.headers.get("idempotency-key");
    const idempotencyKey = header === null ? null : idempotencyKeySchema.parse(header);
    const result = await reserveCredits({ businessId: key.businessId, apiKeyId: key.keyId, ...input, idempotencyKey });
    if (result.outcome === "insufficient") {
      const message = `This job needs ${result.needed} credits; ${result.current} are available.`;
      return Response.json({ error: { code: "insufficient_credits", message }, needed: result.needed, current: result.current }, { status: 402 });
    }
    const body = { taskId: result.taskId, reservedCredits: result.reservedCredits, expiresAt: result.expiresAt.toISOString() };
    return Response.json(body, { status: result.outcome === "replayed" ? 200 : 201 });
  },
  { scope: "credits:write" },
);

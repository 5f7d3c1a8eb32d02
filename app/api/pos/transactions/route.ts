import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordPosTransaction } from "@/lib/pos/record-transaction";
import { posTransactionSchema } from "@/lib/pos/schemas";

export const dynamic = "force-dynamic";

// POST /api/pos/transactions — record a sale, refund or void; the same reference twice records it once
export const POST = withApiKey(
  async (req, { key }) => {
    const input = await parseJsonBody(req, posTransactionSchema);
    const result = await recordPosTransaction(key, input);
    return result.outcome === "duplicate"
      ? Response.json({ success: true, eventId: result.eventId, duplicate: true })
      : Response.json({ success: true, eventId: result.eventId }, { status: 201 });
  },
  { scope: "pos:write" },
);

import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { createTopup } from "@/lib/credits/create-topup";
import { createTopupSchema } from "@/lib/credits/schemas";

// POST /api/credits/topups — buy a pack of credits by card (Stripe Checkout) or mobile money (invoice + pay link) (owner)
export const POST = withSession(
  async (req, { member }) => {
    const input = await parseJsonBody(req, createTopupSchema);
    const result = await createTopup(member.businessId, input);
    return Response.json(
      result.provider === "card"
        ? { orderId: result.orderId, sessionId: result.sessionId, url: result.url }
        : { orderId: result.orderId, invoice: result.invoice },
      { status: 201 },
    );
  },
  { role: "owner" },
);

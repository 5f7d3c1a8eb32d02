import { randomUUID } from "node:crypto";
import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { requireOpenBusiness } from "@/lib/business/require-open-business";
import { checkoutSessionSchema, idempotencyKeySchema } from "@/lib/billing/schemas";
import { requireUsableProvider } from "@/lib/payments/registry";
import { startPlanCheckout } from "@/lib/payments/stripe/plan-checkout";

// POST /api/billing/checkout-session — pay for a plan by card: a Stripe Checkout page, or a prorated plan change (owner)
export const POST = withSession(
  async (req, { member, user }) => {
    const input = await parseJsonBody(req, checkoutSessionSchema);
    await requireOpenBusiness(member.businessId);
    const header = req.headers.get("idempotency-key");
    const idempotencyKey = header === null ? randomUUID() : idempotencyKeySchema.parse(header);
    requireUsableProvider(input.provider);
    const result = await startPlanCheckout({ ...input, businessId: member.businessId, userId: user.id, idempotencyKey });
    if (result.kind === "updated") return Response.json({ sessionId: null, url: null, updated: true, plan: result.plan });
    return Response.json({ sessionId: result.sessionId, url: result.url });
  },
  { role: "owner" },
);

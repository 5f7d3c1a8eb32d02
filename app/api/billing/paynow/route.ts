import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { readIdempotencyKey } from "@/lib/payments/paynow/idempotency-key";
import { paynowProvider } from "@/lib/payments/paynow/provider";
import { startPaymentSchema } from "@/lib/payments/paynow/schemas";

// POST /api/billing/paynow — pay one of the business's invoices with EcoCash, OneMoney, InnBucks or card (owner)
export const POST = withSession(
  async (req, { member }) => {
    const idempotencyKey = readIdempotencyKey(req);
    const { invoiceId, ...input } = await parseJsonBody(req, startPaymentSchema);
    const { created, payment } = await paynowProvider.createCheckout({
      target: { businessId: member.businessId, invoiceId },
      input,
      idempotencyKey,
    });
    return Response.json(payment, { status: created ? 201 : 200 });
  },
  { role: "owner" },
);

import { parseJsonBody } from "@/lib/api/parse";
import { withPayToken } from "@/lib/api/with-pay-token";
import { readIdempotencyKey } from "@/lib/payments/paynow/idempotency-key";
import { paynowProvider } from "@/lib/payments/paynow/provider";
import { publicPaySchema } from "@/lib/payments/paynow/schemas";

// POST /api/pay/:token — start paying the invoice behind a public pay link (no login; the token is the key)
export const POST = withPayToken<{ token: string }>(async (req, { token, ip }) => {
  const idempotencyKey = readIdempotencyKey(req);
  const input = await parseJsonBody(req, publicPaySchema);
  const { created, payment } = await paynowProvider.createCheckout({ target: { paymentToken: token }, input, idempotencyKey, clientIp: ip });
  return Response.json(payment, { status: created ? 201 : 200 });
});

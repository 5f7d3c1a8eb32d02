import { handleApiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse";
import { readIdempotencyKey } from "@/lib/payments/paynow/idempotency-key";
import { paynowProvider } from "@/lib/payments/paynow/provider";
import { publicPaySchema } from "@/lib/payments/paynow/schemas";

type Route = { params: Promise<{ token: string }> };

// POST /api/pay/:token — start paying the invoice behind a public pay link (no login; the token is the key)
export async function POST(req: Request, { params }: Route) {
  try {
    const { token } = await params;
    const idempotencyKey = readIdempotencyKey(req);
    const input = await parseJsonBody(req, publicPaySchema);
    const { created, payment } = await paynowProvider.createCheckout({ target: { paymentToken: token }, input, idempotencyKey });
    return Response.json(payment, { status: created ? 201 : 200, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
}

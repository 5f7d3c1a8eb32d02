import { handleApiError } from "@/lib/api/errors";
import { readBodyText } from "@/lib/api/read-body";
import { handleCvtWebhook } from "@/lib/payments/cvt/webhook";

const MAX_BODY_BYTES = 64 * 1024;

// POST /api/webhooks/cvt — CVT billing events: cvt-signature checked on the raw body, each event applied once
export async function POST(req: Request) {
  try {
    const result = await handleCvtWebhook(await readBodyText(req, MAX_BODY_BYTES), req.headers.get("cvt-signature"));
    return Response.json({ received: true, ...result });
  } catch (error) {
    return handleApiError(error);
  }
}

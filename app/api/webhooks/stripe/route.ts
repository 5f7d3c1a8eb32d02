import { errorResponse, handleApiError } from "@/lib/api/errors";
import { readBodyText } from "@/lib/api/read-body";
import { stripeProvider } from "@/lib/payments/stripe/provider";
import { WebhookProcessingError } from "@/lib/payments/stripe/webhook";

// Stripe events are a few KiB; an invoice event lists at most 10 lines inline, so 256 KiB leaves ample room.
const STRIPE_EVENT_LIMIT = 256 * 1024;

// POST /api/webhooks/stripe — Stripe events: signature checked on the raw body, each event applied once
export async function POST(req: Request) {
  try {
    const result = await stripeProvider.handleWebhook(await readBodyText(req, STRIPE_EVENT_LIMIT), req.headers);
    return Response.json({ received: true, ...result });
  } catch (error) {
    if (!(error instanceof WebhookProcessingError)) return handleApiError(error);
    console.error(error.message);
    return errorResponse("internal_error", `Event ${error.eventId} could not be processed; it was recorded and Stripe will retry.`);
  }
}

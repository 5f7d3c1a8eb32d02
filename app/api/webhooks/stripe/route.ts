import { errorResponse, handleApiError } from "@/lib/api/errors";
import { stripeProvider } from "@/lib/payments/stripe/provider";
import { WebhookProcessingError } from "@/lib/payments/stripe/webhook";

// POST /api/webhooks/stripe — Stripe events: signature checked on the raw body, each event applied once
export async function POST(req: Request) {
  try {
    const result = await stripeProvider.handleWebhook(await req.text(), req.headers);
    return Response.json({ received: true, ...result });
  } catch (error) {
    if (!(error instanceof WebhookProcessingError)) return handleApiError(error);
    console.error(error.message);
    return errorResponse("internal_error", `Event ${error.eventId} could not be processed; it was recorded and Stripe will retry.`);
  }
}

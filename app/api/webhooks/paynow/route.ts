import { handleApiError } from "@/lib/api/errors";
import { paynowProvider } from "@/lib/payments/paynow/provider";

// POST /api/webhooks/paynow — Paynow's result URL: form-encoded status updates, hash-verified, applied once
export async function POST(req: Request) {
  try {
    return await paynowProvider.handleWebhook(req);
  } catch (error) {
    return handleApiError(error);
  }
}

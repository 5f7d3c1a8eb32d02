import { readBodyText } from "@/lib/api/read-body";
import { isPaynowConfigured } from "./config";
import { cancelPendingPayment, getPaymentStatus, type PaymentAccess } from "./payment-access";
import { MAX_CALLBACK_BYTES, receivePaynowCallback } from "./receive-callback";
import type { PayInput, PaymentView } from "./schemas";
import { startPaynowPayment, type InvoiceTarget } from "./start-payment";

export interface CheckoutRequest {
  target: InvoiceTarget;
  input: PayInput;
  idempotencyKey: string | null;
}

// The provider contract as Paynow sees it (DESIGN.md "Payments"); kept local so it can be mapped onto the
// shared PaymentProvider interface without either side changing.
export interface LocalPaymentProvider {
  readonly name: "paynow";
  isConfigured(): boolean;
  createCheckout(request: CheckoutRequest): Promise<{ created: boolean; payment: PaymentView }>;
  handleWebhook(req: Request): Promise<Response>;
  getStatus(paymentId: string, access: PaymentAccess): Promise<PaymentView>;
  cancel(paymentId: string, access: PaymentAccess): Promise<PaymentView>;
}

export class PaynowProvider implements LocalPaymentProvider {
  readonly name = "paynow" as const;

  isConfigured() {
    return isPaynowConfigured();
  }

  createCheckout({ target, input, idempotencyKey }: CheckoutRequest) {
    return startPaynowPayment(target, input, idempotencyKey);
  }

  async handleWebhook(req: Request): Promise<Response> {
    await receivePaynowCallback(req.headers.get("content-type"), await readBodyText(req, MAX_CALLBACK_BYTES));
    return new Response("OK", { status: 200, headers: { "content-type": "text/plain" } });
  }

  getStatus(paymentId: string, access: PaymentAccess) {
    return getPaymentStatus(paymentId, access);
  }

  cancel(paymentId: string, access: PaymentAccess) {
    return cancelPendingPayment(paymentId, access);
  }
}

export const paynowProvider = new PaynowProvider();

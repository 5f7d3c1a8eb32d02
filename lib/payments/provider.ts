// What every payment processor offers the rest of the app (DESIGN.md "Payments"). Amounts are integer minor
// units with an ISO 4217 currency code; `reference` is our own id for the thing being paid (an order, an
// invoice), unique per provider. Subscription-specific card flows (plan checkout, portal, cancel at period
// end) live beside the Stripe implementation; this interface is only what all providers share.

export type PaymentProviderId = "stripe" | "paynow" | "paypal" | "mpesa";

export type ProviderPaymentStatus = "pending" | "paid" | "failed" | "cancelled" | "expired";

export interface CheckoutRequest {
  businessId: string;
  reference: string;
  description: string;
  amountCents: number;
  currency: string;
  successUrl: string;
  cancelUrl: string;
  customerEmail?: string;
  phone?: string;
  method?: string;
  idempotencyKey?: string;
}

export interface CheckoutResult {
  // The provider's id for this checkout (Stripe checkout session id, Paynow poll reference, …).
  providerReference: string;
  status: ProviderPaymentStatus;
  redirectUrl?: string;
  instructions?: string;
}

export interface WebhookResult {
  outcome: "processed" | "ignored" | "duplicate";
  eventId?: string;
}

export interface PaymentProvider {
  readonly id: PaymentProviderId;
  readonly displayName: string;
  isConfigured(): boolean;
  createCheckout(request: CheckoutRequest): Promise<CheckoutResult>;
  // Verifies the raw request first; a bad or missing signature throws ApiError("invalid_signature").
  handleWebhook(rawBody: string, headers: Headers): Promise<WebhookResult>;
  getStatus(providerReference: string): Promise<ProviderPaymentStatus>;
  cancel(providerReference: string): Promise<void>;
}

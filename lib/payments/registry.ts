import { ApiError } from "@/lib/api/errors";
import type { PaymentProvider, PaymentProviderId } from "./provider";
import { stripeProvider } from "./stripe/provider";

function notAvailableYet(displayName: string): ApiError {
  return new ApiError(
    "provider_unavailable",
    `${displayName} payments are not available yet. Pay by card, or by mobile money where it is offered.`,
  );
}

// Providers that are listed but not built yet: every call is a clear 501, never a fake success.
function unavailableProvider(id: PaymentProviderId, displayName: string): PaymentProvider {
  const refuse = async (): Promise<never> => {
    throw notAvailableYet(displayName);
  };
  return { id, displayName, isConfigured: () => false, createCheckout: refuse, handleWebhook: refuse, getStatus: refuse, cancel: refuse };
}

const notBuilt = new Set<PaymentProviderId>(["paypal", "mpesa"]);

const providers: Partial<Record<PaymentProviderId, PaymentProvider>> = {
  stripe: stripeProvider,
  paypal: unavailableProvider("paypal", "PayPal"),
  mpesa: unavailableProvider("mpesa", "M-Pesa"),
};

export function getPaymentProvider(id: PaymentProviderId): PaymentProvider {
  const provider = providers[id];
  if (!provider) throw new ApiError("provider_unavailable", `Payments through ${id} are not available.`);
  return provider;
}

// The provider an owner chose: 501 when it is not built yet, 503 when it is not configured here.
export function requireUsableProvider(id: PaymentProviderId): PaymentProvider {
  const provider = getPaymentProvider(id);
  if (notBuilt.has(id)) throw notAvailableYet(provider.displayName);
  if (!provider.isConfigured()) throw new ApiError("provider_not_configured", `${provider.displayName} is not configured on this installation.`);
  return provider;
}

import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { PaynowClient, type PaynowClientOptions, type PaynowSettings } from "./client";

// Paynow is on when the integration id and key are set; the result and return URLs default to this app.
export function paynowSettings(): PaynowSettings | null {
  if (!env.PAYNOW_INTEGRATION_ID || !env.PAYNOW_INTEGRATION_KEY) return null;
  return {
    integrationId: env.PAYNOW_INTEGRATION_ID,
    integrationKey: env.PAYNOW_INTEGRATION_KEY,
    apiBase: env.PAYNOW_API_BASE,
    resultUrl: env.PAYNOW_RESULT_URL ?? new URL("/api/webhooks/paynow", env.APP_URL).toString(),
    returnUrl: env.PAYNOW_RETURN_URL ?? new URL("/pay", env.APP_URL).toString(),
  };
}

export function isPaynowConfigured(): boolean {
  return paynowSettings() !== null;
}

export function requirePaynowSettings(): PaynowSettings {
  const settings = paynowSettings();
  if (!settings) throw new ApiError("provider_not_configured", "Mobile money (Paynow) is not set up on this installation.");
  return settings;
}

// One client, and so one circuit breaker, per process.
const holder = globalThis as unknown as { tangabizPaynowClient?: PaynowClient };

export function paynowClient(): PaynowClient {
  return (holder.tangabizPaynowClient ??= new PaynowClient(requirePaynowSettings()));
}

// Tests replace the client to start from a closed circuit or to shorten timeouts.
export function replacePaynowClient(options?: PaynowClientOptions): PaynowClient {
  holder.tangabizPaynowClient?.shutdown();
  holder.tangabizPaynowClient = new PaynowClient(requirePaynowSettings(), options);
  return holder.tangabizPaynowClient;
}

import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export type { Stripe };

const NOT_CONFIGURED = "Card billing (Stripe) is not configured on this installation.";

export function isStripeConfigured(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

// STRIPE_API_BASE points the SDK at another host (a local fake in tests and offline development).
function apiBase(base: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

const globalForStripe = globalThis as unknown as { tangabizStripe?: Stripe };

export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new ApiError("provider_not_configured", NOT_CONFIGURED);
  return (globalForStripe.tangabizStripe ??= new Stripe(env.STRIPE_SECRET_KEY, {
    ...apiBase(env.STRIPE_API_BASE),
    // The SDK retries network failures and 409/5xx with backoff, reusing the request's idempotency key.
    maxNetworkRetries: 2,
    timeout: 10_000,
    appInfo: { name: "Tangabiz" },
  }));
}

// For actions that will call Stripe: refuse early (503) when card billing is not configured.
export function requireStripe(): void {
  getStripe();
}

export function stripeWebhookSecret(): string {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) throw new ApiError("provider_not_configured", NOT_CONFIGURED);
  return env.STRIPE_WEBHOOK_SECRET;
}

// Runs one Stripe call and turns its failures into our error codes; Stripe's messages never contain secrets.
export async function callStripe<T>(request: (stripe: Stripe) => Promise<T>): Promise<T> {
  const stripe = getStripe();
  try {
    return await request(stripe);
  } catch (error) {
    throw toApiError(error);
  }
}

function toApiError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new ApiError("idempotency_conflict", "This Idempotency-Key was already used for a different request.");
  }
  if (error instanceof Stripe.errors.StripeConnectionError || (error.statusCode ?? 500) >= 500) {
    return new ApiError("upstream_unavailable", "Stripe did not answer. Please try again in a moment.");
  }
  console.error(`Stripe refused a request: ${error.type} ${error.code ?? ""} ${error.message}`);
  return new ApiError("upstream_unavailable", `Stripe refused the request: ${error.message}`);
}

export function isStripeMissingResource(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";
}

export function fromStripeTime(seconds: number | null | undefined): Date | null {
  return seconds == null ? null : new Date(seconds * 1000);
}

export function stripeId(value: string | { id: string } | null | undefined): string | null {
  return value == null ? null : typeof value === "string" ? value : value.id;
}

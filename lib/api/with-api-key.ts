import { checkApiKeyFormat, hashApiKey } from "@/lib/api-keys/key-format";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { touchLastUsed } from "@/lib/api-keys/touch-last-used";
import { cachedApiKey, findApiKeyByHash, isKnownApiKey, type ApiKeyContext } from "@/lib/api-keys/verify-api-key";
import { mayLookUpKey, recordFailedKeyLookup } from "@/lib/rate-limit/failed-key-lookups";
import { consumeRequest, type RateLimitDecision } from "@/lib/rate-limit/api-key-limiter";
import { recordUsageEvent } from "@/lib/usage/usage-buffer";
import { clientIp } from "./client-ip";
import { ApiError, handleApiError } from "./errors";

export interface ApiKeyRequestContext<P> {
  key: ApiKeyContext;
  params: P;
}

interface Options {
  // The key needs at least one of these scopes.
  scope: ApiKeyScope | ApiKeyScope[];
  // Recorded as a usage event after a successful call; routes that record their own events omit it.
  usageEvent?: string;
}

const INACTIVE = new Set(["suspended", "canceled"]);

function readKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) return authorization.slice(7).trim();
  return headers.get("x-api-key")?.trim() || null;
}

function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
}

// A key in the cache costs nothing more; one this instance has not seen is looked up only while the caller's
// address has not sent too many unknown keys, and each miss counts against that address.
async function lookUpKey(req: Request, raw: string): Promise<ApiKeyContext> {
  const hash = hashApiKey(raw);
  const cached = cachedApiKey(hash);
  if (cached) return cached;
  const ip = clientIp(req);
  if (ip && !isKnownApiKey(hash)) {
    const allowed = await mayLookUpKey(ip);
    if (!allowed.allowed) {
      throw new ApiError("rate_limited", `Too many invalid API keys from this address. Retry in ${allowed.retryAfterSeconds} s.`, {
        headers: { "Retry-After": String(allowed.retryAfterSeconds) },
      });
    }
  }
  const key = cached === null ? null : await findApiKeyByHash(hash);
  if (key) return key;
  if (ip) await recordFailedKeyLookup(ip);
  throw new ApiError("invalid_api_key", "The API key is not valid.");
}

async function authenticate(req: Request, required: ApiKeyScope[]): Promise<ApiKeyContext> {
  const raw = readKey(req.headers);
  if (!raw) throw new ApiError("missing_api_key", "Send your API key as 'Authorization: Bearer <key>' or 'x-api-key'.");
  if (!checkApiKeyFormat(raw)) throw new ApiError("invalid_api_key", "The API key is not valid.");
  const key = await lookUpKey(req, raw);
  const now = Date.now();
  if (key.closed) throw new ApiError("business_closed", "This business was closed; its API keys no longer work.");
  if (key.revokedAt !== null && key.revokedAt <= now) throw new ApiError("api_key_revoked", "This API key was revoked.");
  if (key.expiresAt !== null && key.expiresAt <= now) throw new ApiError("api_key_expired", "This API key has expired.");
  if (!required.some((scope) => key.scopes.includes(scope))) {
    throw new ApiError("insufficient_scope", `This endpoint needs the ${required.join(" or ")} scope.`);
  }
  if (INACTIVE.has(key.billingStatus)) {
    throw new ApiError("subscription_inactive", `The business's subscription is ${key.billingStatus}. Settle billing in the dashboard.`);
  }
  return key;
}

// The one wrapper for every API-key route: authenticate, check scope and billing, rate-limit per key,
// then run the handler and map errors. No database write happens here on the request path.
export function withApiKey<P = Record<string, string>>(
  handler: (req: Request, ctx: ApiKeyRequestContext<P>) => Promise<Response>,
  options: Options,
) {
  const required = Array.isArray(options.scope) ? options.scope : [options.scope];
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    let decision: RateLimitDecision | undefined;
    let response: Response;
    try {
      const key = await authenticate(req, required);
      decision = await consumeRequest(key.keyId, key.rateLimitPerHour);
      if (!decision.allowed) {
        throw new ApiError("rate_limited", `Rate limit of ${decision.limit} requests per hour reached. Retry in ${decision.resetSeconds} s.`, {
          headers: { "Retry-After": String(decision.resetSeconds) },
        });
      }
      const now = Date.now();
      touchLastUsed(key, now);
      response = await handler(req, { key, params: (await route?.params) ?? ({} as P) });
      if (options.usageEvent && response.status < 400) {
        recordUsageEvent({ businessId: key.businessId, apiKeyId: key.keyId, eventType: options.usageEvent, occurredAt: new Date(now) });
      }
      if (key.billingStatus === "past_due") {
        response.headers.set("Tangabiz-Billing-Warning", "past_due: a payment failed; update billing to avoid suspension");
      }
    } catch (error) {
      response = handleApiError(error);
    }
    if (decision) for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    return response;
  };
}

import { paymentTokenSchema } from "@/lib/payments/paynow/schemas";
import { consumePoint, createLimiter } from "@/lib/rate-limit/limiter";
import { clientIp } from "./client-ip";
import { ApiError, handleApiError } from "./errors";

export interface PayTokenContext<P> {
  token: string;
  ip: string | null;
  params: P;
}

// Generous enough for the pay page's status polling; tight enough that a leaked link cannot be hammered.
export const PAY_TOKEN_LIMITS = {
  perToken: { points: 300, durationSeconds: 600 },
  perIp: { points: 600, durationSeconds: 600 },
};

const perToken = createLimiter({ keyPrefix: "pay-token", ...PAY_TOKEN_LIMITS.perToken });
const perIp = createLimiter({ keyPrefix: "pay-ip", ...PAY_TOKEN_LIMITS.perIp });

async function limit(limiter: typeof perToken, key: string, message: string) {
  const decision = await consumePoint(limiter, key);
  if (!decision.allowed) {
    throw new ApiError("rate_limited", `${message} Please wait ${decision.retryAfterSeconds} s and try again.`, {
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
    });
  }
}

// The one wrapper for public pay-link routes (no login; the pay token is the key): the token is read from
// the path (:token) or ?token=, checked for shape, and every call is rate-limited per token and per address.
export function withPayToken<P extends Record<string, string> = Record<string, string>>(
  handler: (req: Request, ctx: PayTokenContext<P>) => Promise<Response>,
) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = (await route?.params) ?? ({} as P);
      const token = params.token ?? new URL(req.url).searchParams.get("token") ?? "";
      if (!paymentTokenSchema.safeParse(token).success) throw new ApiError("not_found", "No such pay link.");
      const ip = clientIp(req);
      if (ip) await limit(perIp, ip, "Too many requests from your network.");
      await limit(perToken, token, "Too many requests for this pay link.");
      const response = await handler(req, { token, ip, params });
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      return handleApiError(error);
    }
  };
}

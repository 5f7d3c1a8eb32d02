import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { closeRedis, consumePoint, createLimiter } from "./limiter";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

const WINDOW_SECONDS = 3600;
const limiters = new Map<number, RateLimiterAbstract>();

// One limiter per hourly limit (plans and per-key overrides differ). With REDIS_URL the counts are shared
// by every instance (atomic in Redis); if Redis fails, an in-memory insurance limiter takes over.
function limiterFor(points: number): RateLimiterAbstract {
  let limiter = limiters.get(points);
  if (!limiter) {
    limiter = createLimiter({ keyPrefix: `rl:${points}`, points, durationSeconds: WINDOW_SECONDS });
    limiters.set(points, limiter);
  }
  return limiter;
}

export async function consumeRequest(keyId: string, limit: number): Promise<RateLimitDecision> {
  const decision = await consumePoint(limiterFor(limit), keyId);
  return { allowed: decision.allowed, limit, remaining: decision.remaining, resetSeconds: decision.retryAfterSeconds };
}

export async function closeRateLimiter(): Promise<void> {
  limiters.clear();
  await closeRedis();
}

import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

const WINDOW_SECONDS = 3600;
const limiters = new Map<number, RateLimiterAbstract>();
let redis: Redis | undefined;

// One limiter per hourly limit (plans and per-key overrides differ). With REDIS_URL the counts are shared
// by every instance (atomic in Redis); if Redis fails, an in-memory insurance limiter takes over.
function limiterFor(points: number): RateLimiterAbstract {
  let limiter = limiters.get(points);
  if (limiter) return limiter;
  const keyPrefix = `tb:rl:${points}`;
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix });
  if (env.REDIS_URL) {
    redis ??= new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    limiter = new RateLimiterRedis({ storeClient: redis, points, duration: WINDOW_SECONDS, keyPrefix, insuranceLimiter: memory });
  } else {
    limiter = memory;
  }
  limiters.set(points, limiter);
  return limiter;
}

export async function consumeRequest(keyId: string, limit: number): Promise<RateLimitDecision> {
  try {
    const res = await limiterFor(limit).consume(keyId);
    return { allowed: true, limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

export async function closeRateLimiter(): Promise<void> {
  limiters.clear();
  await redis?.quit().catch(() => {});
  redis = undefined;
}

import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export interface LimitDecision {
  allowed: boolean;
  remaining: number;
  // Until the window frees a point again (at least 1 s when refused).
  retryAfterSeconds: number;
}

let redis: Redis | undefined;
let redisDown = false;
// Tests share one Redis across runs and reuse the same phone numbers: each test process (and each reset)
// counts in a namespace of its own. In production the namespace is empty.
let namespace = env.NODE_ENV === "test" ? `${randomBytes(4).toString("hex")}:` : "";

// The test setup calls this before every test (through globalThis, so it need not import app modules).
if (env.NODE_ENV === "test") {
  (globalThis as { tangabizResetRateLimits?: () => void }).tangabizResetRateLimits = () => {
    namespace = `${randomBytes(4).toString("hex")}:`;
  };
}

// One Redis connection for every limiter. When it fails each limiter's in-memory insurance takes over
// (counts are then per instance); that is said once per outage, not on every reconnect attempt.
function sharedRedis(): Redis {
  if (redis) return redis;
  // No queueing and no retries of a command: when Redis is away a limit is decided in memory at once. The
  // command timeout only bounds a Redis that stopped answering; shorter ones misfire under load. Commands of
  // requests handled in the same event-loop turn go to Redis in one write (auto-pipelining), not one each.
  redis = new Redis(env.REDIS_URL!, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 5_000,
    connectTimeout: 2_000,
    enableAutoPipelining: true,
  });
  redis.on("error", (error: Error) => {
    if (redisDown) return;
    redisDown = true;
    console.warn(`Redis is unavailable (${error.message}); rate limits fall back to in-memory counts on this instance.`);
  });
  redis.on("ready", () => {
    if (!redisDown) return;
    redisDown = false;
    console.warn("Redis is back; rate limits are shared again.");
  });
  return redis;
}

export function createLimiter(options: { keyPrefix: string; points: number; durationSeconds: number }): RateLimiterAbstract {
  const settings = { keyPrefix: `tb:${options.keyPrefix}`, points: options.points, duration: options.durationSeconds };
  const memory = new RateLimiterMemory(settings);
  if (!env.REDIS_URL) return memory;
  return new RateLimiterRedis({ ...settings, storeClient: sharedRedis(), insuranceLimiter: memory });
}

export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<LimitDecision> {
  try {
    const res = await limiter.consume(namespace + key);
    return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}

// Whether the key has points left, without spending one.
export async function hasPointsLeft(limiter: RateLimiterAbstract, key: string): Promise<LimitDecision> {
  const res = await limiter.get(namespace + key).catch(() => null);
  if (!res || res.consumedPoints < limiter.points) return { allowed: true, remaining: limiter.points - (res?.consumedPoints ?? 0), retryAfterSeconds: 0 };
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

export async function closeRedis(): Promise<void> {
  await redis?.quit().catch(() => {});
  redis = undefined;
  redisDown = false;
}

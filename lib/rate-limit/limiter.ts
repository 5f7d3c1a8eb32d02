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

// Takes up to ARGV[1] points of a fixed window (ARGV[3] seconds, started by the first take) without ever going
// past the limit (ARGV[2]); answers the points granted, the points used in the window and its ms to go.
const TAKE_POINTS = `
redis.call('set', KEYS[1], 0, 'EX', ARGV[3], 'NX')
local used = tonumber(redis.call('get', KEYS[1]))
local granted = math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - used)
if granted > 0 then used = redis.call('incrby', KEYS[1], granted) else granted = 0 end
return {granted, used, redis.call('pttl', KEYS[1])}`;

type SharedRedis = Redis & { tbTakePoints(key: string, wanted: number, limit: number, windowSeconds: number): Promise<[number, number, number]> };

let redis: SharedRedis | undefined;
let redisDown = false;
// An instance's first requests wait for its first connection (up to the connect timeout); after that, a Redis
// that is reconnecting is not waited for.
let firstConnection: Promise<void> | undefined;
// Tests share one Redis across runs and reuse the same phone numbers: each test process (and each reset)
// counts in a namespace of its own. In production the namespace is empty.
let namespace = env.NODE_ENV === "test" ? `${randomBytes(4).toString("hex")}:` : "";
const resetHooks: (() => void)[] = [];

// The test setup calls this before every test (through globalThis, so it need not import app modules).
if (env.NODE_ENV === "test") {
  (globalThis as { tangabizResetRateLimits?: () => void }).tangabizResetRateLimits = () => {
    namespace = `${randomBytes(4).toString("hex")}:`;
    for (const reset of resetHooks) reset();
  };
}

// One Redis connection for every limiter. When it fails each limiter's in-memory insurance takes over
// (counts are then per instance); that is said once per outage, not on every reconnect attempt.
function sharedRedis(): SharedRedis {
  if (redis) return redis;
  // No queueing and no retries of a command: when Redis is away a limit is decided in memory at once. The
  // command timeout only bounds a Redis that stopped answering; shorter ones misfire under load. Commands of
  // requests handled in the same event-loop turn go to Redis in one write (auto-pipelining), not one each.
  const client = new Redis(env.REDIS_URL!, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 5_000,
    connectTimeout: 2_000,
    enableAutoPipelining: true,
  });
  client.defineCommand("tbTakePoints", { numberOfKeys: 1, lua: TAKE_POINTS });
  firstConnection = ready(client);
  redis = client as SharedRedis;
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

// `memoryOnly`: this instance's own count, also when Redis is configured (a fallback that decides without it).
export function createLimiter(options: { keyPrefix: string; points: number; durationSeconds: number; memoryOnly?: boolean }): RateLimiterAbstract {
  const settings = { keyPrefix: `tb:${options.keyPrefix}`, points: options.points, duration: options.durationSeconds };
  const memory = new RateLimiterMemory(settings);
  if (!env.REDIS_URL || options.memoryOnly) return memory;
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

function ready(client: Redis): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    client.once("ready", done);
  });
}

export interface TakenPoints {
  granted: number;
  used: number;
  msBeforeReset: number;
}

// Takes up to `wanted` points of a key's window in Redis (the same counter RateLimiterRedis keeps, so both
// count together); null when Redis is not configured or not reachable now, and the caller decides in memory.
export async function takePoints(keyPrefix: string, key: string, wanted: number, limit: number, windowSeconds: number): Promise<TakenPoints | null> {
  if (!env.REDIS_URL) return null;
  const client = sharedRedis();
  await firstConnection;
  if (redisDown || client.status !== "ready") return null;
  try {
    const [granted, used, msBeforeReset] = await client.tbTakePoints(`tb:${keyPrefix}:${namespace}${key}`, wanted, limit, windowSeconds);
    return { granted, used, msBeforeReset };
  } catch {
    return null;
  }
}

// Test setups reset counts between tests; in-memory state built on them registers here to be reset too.
export function onRateLimitReset(reset: () => void): void {
  resetHooks.push(reset);
}

export async function closeRedis(): Promise<void> {
  await redis?.quit().catch(() => {});
  redis = undefined;
  redisDown = false;
}

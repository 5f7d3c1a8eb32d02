import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { closeRedis, consumePoint, createLimiter, onRateLimitReset, takePoints } from "./limiter";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

const WINDOW_SECONDS = 3600;
// A lease is sized to last about LEASE_MS at the key's recent rate: one point for a quiet key, at most MAX_LEASE,
// and at most twice the last one (a burst grows it by doubling).
const MAX_LEASE = 64;
const LEASE_MS = 2_000;
// Keys whose lease this instance remembers; the oldest is forgotten first (its unspent points go unused).
const MAX_KEYS = 20_000;

interface Lease {
  left: number;
  size: number;
  takenAt: number;
  resetAt: number;
  // Points still free in the shared window when the lease was taken (for RateLimit-Remaining).
  freeAfter: number;
  taking?: Promise<void>;
}

// Hourly limits per key. With REDIS_URL the count is shared by every instance, but a request does not wait for
// Redis: an instance takes points from the shared count in leases (one point for a quiet key, up to 64 for a
// busy one) and spends them itself. Instances together never admit more than the limit; an instance that
// stops with points unspent leaves at most its lease unused, so a key may be refused slightly early, never
// late. Without Redis, or while it is away, the count is this instance's own (rate-limiter-flexible, in memory).
export function createLeasedLimiter(now: () => number = Date.now) {
  const leases = new Map<string, Lease>();
  const fallbacks = new Map<number, RateLimiterAbstract>();
  onRateLimitReset(() => leases.clear());

  async function consume(keyId: string, limit: number): Promise<RateLimitDecision> {
    if (!env.REDIS_URL) return inMemory(keyId, limit);
    const id = `${limit}:${keyId}`;
    for (;;) {
      const lease = leases.get(id);
      if (lease && now() < lease.resetAt) {
        if (lease.left > 0) {
          lease.left -= 1;
          return decision(true, limit, lease.freeAfter + lease.left, lease.resetAt);
        }
        if (lease.taking) {
          await lease.taking;
          continue;
        }
        if (lease.size === 0) return decision(false, limit, 0, lease.resetAt);
      }
      if (!(await takeLease(id, keyId, limit, lease))) return inMemory(keyId, limit);
    }
  }

  // One lease request per key at a time: requests that find the lease spent wait for it. Leases follow the key's
  // rate (a till sending 4 requests a second leases 8 points, one Redis call per 8 requests) and shrink as the
  // window fills, so unspent points are few near the limit.
  async function takeLease(id: string, keyId: string, limit: number, previous: Lease | undefined): Promise<boolean> {
    const at = now();
    const current = previous && at < previous.resetAt ? previous : undefined;
    const paced = current ? Math.ceil((current.size * LEASE_MS) / Math.max(1, at - current.takenAt)) : 1;
    const wanted = Math.max(1, Math.min(paced, MAX_LEASE, 2 * (current?.size ?? 1), Math.floor((current?.freeAfter ?? limit) / 8)));
    const pending = current ?? { left: 0, size: 1, takenAt: at, resetAt: Infinity, freeAfter: limit };
    const taking = takePoints(`rl:${limit}`, keyId, wanted, limit, WINDOW_SECONDS);
    pending.taking = taking.then(() => undefined);
    leases.set(id, pending);
    const taken = await taking;
    // Deleted and set again: the map's first key is then the one leased longest ago (forgotten first).
    leases.delete(id);
    if (!taken) return false;
    const { granted, used, msBeforeReset } = taken;
    leases.set(id, { left: granted, size: granted, takenAt: now(), resetAt: now() + msBeforeReset, freeAfter: Math.max(0, limit - used) });
    if (leases.size > MAX_KEYS) leases.delete(leases.keys().next().value!);
    return true;
  }

  async function inMemory(keyId: string, limit: number): Promise<RateLimitDecision> {
    let limiter = fallbacks.get(limit);
    if (!limiter) {
      limiter = createLimiter({ keyPrefix: `rl:${limit}`, points: limit, durationSeconds: WINDOW_SECONDS, memoryOnly: true });
      fallbacks.set(limit, limiter);
    }
    const counted = await consumePoint(limiter, keyId);
    return { allowed: counted.allowed, limit, remaining: counted.remaining, resetSeconds: counted.retryAfterSeconds };
  }

  function decision(allowed: boolean, limit: number, remaining: number, resetAt: number): RateLimitDecision {
    return { allowed, limit, remaining, resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil((resetAt - now()) / 1000)) };
  }

  return { consume };
}

const apiKeyLimiter = createLeasedLimiter();

export function consumeRequest(keyId: string, limit: number): Promise<RateLimitDecision> {
  return apiKeyLimiter.consume(keyId, limit);
}

export async function closeRateLimiter(): Promise<void> {
  await closeRedis();
}

import { plans } from "@/lib/billing/plans";
import { database } from "@/lib/db";
import type { Plan, SubscriptionStatus } from "@/lib/generated/prisma/enums";

// What the hot path needs to know about a key, resolved once and cached in memory. Revocation clears
// this instance's entry at once; other instances see it when their entry expires (CACHE_TTL_MS).
export interface ApiKeyContext {
  keyId: string;
  businessId: string;
  businessName: string;
  prefix: string;
  scopes: string[];
  environment: "live" | "test";
  expiresAt: number | null;
  revokedAt: number | null;
  rateLimitPerHour: number;
  plan: Plan;
  billingStatus: SubscriptionStatus;
  lastUsedAt: number | null;
  // The business was closed: its keys answer 403 business_closed.
  closed: boolean;
}

interface KeyRow {
  id: string;
  businessId: string;
  prefix: string;
  scopes: string[];
  environment: "live" | "test";
  rateLimitPerHour: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  businessName: string;
  closed: boolean;
  plan: Plan | null;
  status: SubscriptionStatus | null;
}

export const CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
// Unknown hashes live in a small cache of their own, so made-up keys cannot push real ones out.
const MAX_MISSES = 1_000;
const cache = new Map<string, { value: ApiKeyContext; expires: number }>();
const misses = new Map<string, number>();

// A key this instance has found before (its entry may have expired: entries leave only when the cache is full).
// Such a key is looked up again whatever its address has sent: made-up keys from the same address (a till with
// a mistyped key behind the shop's one public address) must not lock out the real ones.
export function isKnownApiKey(hash: string): boolean {
  return cache.has(hash);
}

// A hit in either cache, without touching the database; undefined when the hash must be looked up.
export function cachedApiKey(hash: string, now = Date.now()): ApiKeyContext | null | undefined {
  const hit = cache.get(hash);
  if (hit && hit.expires > now) return hit.value;
  const missExpires = misses.get(hash);
  if (missExpires !== undefined && missExpires > now) return null;
  return undefined;
}

export async function findApiKeyByHash(hash: string): Promise<ApiKeyContext | null> {
  const now = Date.now();
  const cached = cachedApiKey(hash, now);
  if (cached !== undefined) return cached;

  // Plain SQL rather than the ORM, so a fresh process answers its first API call without starting Prisma's
  // query compiler (database.query); times come back as epoch milliseconds from either driver.
  const [row] = await database.query<KeyRow>(
    `SELECT k.id, k."businessId", k.prefix, k.scopes, k.environment::text AS environment, k."rateLimitPerHour",
            (extract(epoch FROM k."expiresAt") * 1000)::float8 AS "expiresAt",
            (extract(epoch FROM k."revokedAt") * 1000)::float8 AS "revokedAt",
            (extract(epoch FROM k."lastUsedAt") * 1000)::float8 AS "lastUsedAt",
            b.name AS "businessName", b."closedAt" IS NOT NULL AS closed, s.plan::text AS plan, s.status::text AS status
       FROM "ApiKey" k JOIN "Business" b ON b.id = k."businessId" LEFT JOIN "Subscription" s ON s."businessId" = b.id
      WHERE k.hash = $1`,
    [hash],
  );
  if (!row) {
    if (misses.size >= MAX_MISSES) misses.delete(misses.keys().next().value!);
    misses.set(hash, now + CACHE_TTL_MS);
    return null;
  }
  const plan = row.plan ?? "free";
  const planLimit = plans[plan].limits.requestsPerHourPerKey;
  const value: ApiKeyContext = {
    keyId: row.id,
    businessId: row.businessId,
    businessName: row.businessName,
    prefix: row.prefix,
    scopes: row.scopes,
    environment: row.environment,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    // A key's own limit can only be lower than its plan's (also after a downgrade).
    rateLimitPerHour: Math.min(row.rateLimitPerHour ?? planLimit, planLimit),
    plan,
    billingStatus: row.status ?? "active",
    lastUsedAt: row.lastUsedAt,
    closed: row.closed,
  };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hash, { value, expires: now + CACHE_TTL_MS });
  return value;
}

export function forgetCachedApiKey(hash: string): void {
  cache.delete(hash);
  misses.delete(hash);
}

export function forgetAllCachedApiKeys(): void {
  cache.clear();
  misses.clear();
}

export function cachedApiKeyCounts(): { keys: number; misses: number } {
  return { keys: cache.size, misses: misses.size };
}

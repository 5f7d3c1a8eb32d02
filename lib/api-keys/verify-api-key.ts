import { plans } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
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

export const CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
// Unknown hashes live in a small cache of their own, so made-up keys cannot push real ones out.
const MAX_MISSES = 1_000;
const cache = new Map<string, { value: ApiKeyContext; expires: number }>();
const misses = new Map<string, number>();

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

  const row = await prisma.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      businessId: true,
      prefix: true,
      scopes: true,
      environment: true,
      expiresAt: true,
      revokedAt: true,
      rateLimitPerHour: true,
      lastUsedAt: true,
      business: { select: { name: true, closedAt: true, subscription: { select: { plan: true, status: true } } } },
    },
  });
  if (!row) {
    if (misses.size >= MAX_MISSES) misses.delete(misses.keys().next().value!);
    misses.set(hash, now + CACHE_TTL_MS);
    return null;
  }
  const plan = row.business.subscription?.plan ?? "free";
  const planLimit = plans[plan].limits.requestsPerHourPerKey;
  const value: ApiKeyContext = {
    keyId: row.id,
    businessId: row.businessId,
    businessName: row.business.name,
    prefix: row.prefix,
    scopes: row.scopes,
    environment: row.environment,
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
    // A key's own limit can only be lower than its plan's (also after a downgrade).
    rateLimitPerHour: Math.min(row.rateLimitPerHour ?? planLimit, planLimit),
    plan,
    billingStatus: row.business.subscription?.status ?? "active",
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
    closed: row.business.closedAt !== null,
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

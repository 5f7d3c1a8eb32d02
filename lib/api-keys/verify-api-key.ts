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
}

export const CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { value: ApiKeyContext | null; expires: number }>();

export async function findApiKeyByHash(hash: string): Promise<ApiKeyContext | null> {
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.expires > now) return hit.value;

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
      business: { select: { name: true, subscription: { select: { plan: true, status: true } } } },
    },
  });
  const plan = row?.business.subscription?.plan ?? "free";
  const value: ApiKeyContext | null = row && {
    keyId: row.id,
    businessId: row.businessId,
    businessName: row.business.name,
    prefix: row.prefix,
    scopes: row.scopes,
    environment: row.environment,
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
    rateLimitPerHour: row.rateLimitPerHour ?? plans[plan].limits.requestsPerHourPerKey,
    plan,
    billingStatus: row.business.subscription?.status ?? "active",
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hash, { value, expires: now + CACHE_TTL_MS });
  return value;
}

export function forgetCachedApiKey(hash: string): void {
  cache.delete(hash);
}

export function forgetAllCachedApiKeys(): void {
  cache.clear();
}

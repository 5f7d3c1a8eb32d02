import { afterResponse } from "@/lib/api/after-response";
import { prisma } from "@/lib/db";
import type { ApiKeyContext } from "./verify-api-key";

const TOUCH_INTERVAL_MS = 60_000;

// lastUsedAt is written at most once a minute per key and instance, after the response.
export function touchLastUsed(key: ApiKeyContext, now: number): void {
  if (key.lastUsedAt !== null && now - key.lastUsedAt < TOUCH_INTERVAL_MS) return;
  key.lastUsedAt = now;
  afterResponse(() =>
    prisma.apiKey.updateMany({ where: { id: key.keyId }, data: { lastUsedAt: new Date(now) } }),
  );
}

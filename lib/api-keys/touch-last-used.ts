import { afterResponse } from "@/lib/api/after-response";
import { database } from "@/lib/db";
import type { ApiKeyContext } from "./verify-api-key";

const TOUCH_INTERVAL_MS = 60_000;
const FLUSH_DELAY_MS = 1_000;

// keyId → when it was used; written together by the next flush.
let pending = new Map<string, number>();
let flushScheduled = false;

// lastUsedAt is written at most once a minute per key and instance, after the response. The keys due within a
// second go in one UPDATE: 200 tills' keys, first seen together, would otherwise be 200 ORM queries at once,
// every minute, on the instance serving them.
export function touchLastUsed(key: ApiKeyContext, now: number): void {
  if (key.lastUsedAt !== null && now - key.lastUsedAt < TOUCH_INTERVAL_MS) return;
  key.lastUsedAt = now;
  pending.set(key.keyId, now);
  if (flushScheduled) return;
  flushScheduled = true;
  afterResponse(() => new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS)).then(flushLastUsed));
}

// Returns how many keys it wrote. A later time never goes back (another instance may have written a newer one).
export async function flushLastUsed(): Promise<number> {
  flushScheduled = false;
  const batch = pending;
  pending = new Map();
  if (batch.size === 0) return 0;
  await database.query(
    `UPDATE "ApiKey" k SET "lastUsedAt" = t.at
     FROM unnest($1::text[], $2::timestamptz[]) AS t(id, at)
     WHERE k.id = t.id AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < t.at)
     RETURNING 1`,
    [[...batch.keys()], [...batch.values()].map((at) => new Date(at).toISOString())],
  );
  return batch.size;
}

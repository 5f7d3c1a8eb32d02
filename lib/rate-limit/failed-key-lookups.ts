import { consumePoint, createLimiter, hasPointsLeft, type LimitDecision } from "./limiter";

// Made-up keys cost a database lookup each; an address that keeps sending them is refused before the lookup.
export const FAILED_KEY_LOOKUPS = { points: 30, durationSeconds: 600 };

const limiter = createLimiter({ keyPrefix: "bad-key", ...FAILED_KEY_LOOKUPS });

export function mayLookUpKey(ip: string): Promise<LimitDecision> {
  return hasPointsLeft(limiter, ip);
}

export async function recordFailedKeyLookup(ip: string): Promise<void> {
  await consumePoint(limiter, ip);
}

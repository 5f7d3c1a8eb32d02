import { afterResponse } from "@/lib/api/after-response";
import { prisma } from "@/lib/db";
import { uuidv7 } from "@/lib/db/uuid-v7";

// Bookkeeping usage events (status checks, heartbeats, config reads…) are written in batches off the
// request path: one multi-row INSERT per FLUSH_DELAY_MS or MAX_BATCH events, whichever comes first.
// Raw SQL over arrays keeps the cost per flush flat (an ORM createMany compiles a new plan per row count).
const FLUSH_DELAY_MS = 250;
const MAX_BATCH = 1000;

export interface UsageEventInput {
  businessId: string;
  apiKeyId: string | null;
  eventType: string;
  occurredAt: Date;
}

let pending: UsageEventInput[] = [];
let flushScheduled = false;

export function recordUsageEvent(event: UsageEventInput): void {
  pending.push(event);
  if (pending.length >= MAX_BATCH) {
    afterResponse(flushUsageEvents);
  } else if (!flushScheduled) {
    flushScheduled = true;
    afterResponse(() => new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS)).then(flushUsageEvents));
  }
}

export async function flushUsageEvents(): Promise<number> {
  flushScheduled = false;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return 0;
  try {
    await prisma.$executeRaw`
      INSERT INTO "UsageEvent" (id, "businessId", "apiKeyId", "eventType", quantity, "occurredAt", "createdAt")
      SELECT id, b, k, t, 1, at, now()
      FROM unnest(${batch.map(() => uuidv7())}::text[], ${batch.map((e) => e.businessId)}::text[],
                  ${batch.map((e) => e.apiKeyId)}::text[], ${batch.map((e) => e.eventType)}::text[],
                  ${batch.map((e) => e.occurredAt.toISOString())}::timestamptz[]) AS u(id, b, k, t, at)`;
  } catch (error) {
    console.error(`could not record ${batch.length} usage events:`, (error as Error).message);
    return 0;
  }
  return batch.length;
}

import { afterResponse } from "@/lib/api/after-response";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Bookkeeping usage events (status checks, heartbeats, config reads…) are written in batches off the
// request path: one multi-row INSERT per FLUSH_DELAY_MS or MAX_BATCH events, whichever comes first.
const FLUSH_DELAY_MS = 250;
const MAX_BATCH = 500;

let pending: Prisma.UsageEventCreateManyInput[] = [];
let flushScheduled = false;

export function recordUsageEvent(event: Omit<Prisma.UsageEventCreateManyInput, "occurredAt"> & { occurredAt?: Date }): void {
  pending.push({ ...event, occurredAt: event.occurredAt ?? new Date() });
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
    await prisma.usageEvent.createMany({ data: batch });
  } catch (error) {
    console.error(`could not record ${batch.length} usage events:`, (error as Error).message);
    return 0;
  }
  return batch.length;
}

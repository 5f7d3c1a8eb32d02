import { IdempotencyReplay, writeReservations, type ReservationOutcome, type ReservationRequest } from "./write-reservations";

// Group commit, as lib/usage/transaction-batcher.ts does for POS transactions: every request contends for
// the same balance row, so one transaction per request is bounded by one commit per row lock. Requests queue,
// one batch is in flight at a time, and each request is answered after its batch commits. A failed batch is
// retried row by row so one bad row (or a replayed Idempotency-Key) cannot fail the others.
const MAX_BATCH = 500;

interface Waiting {
  request: ReservationRequest;
  resolve: (outcome: ReservationOutcome) => void;
  reject: (error: unknown) => void;
}

let queue: Waiting[] = [];
let writing = false;

export function submitReservation(request: ReservationRequest): Promise<ReservationOutcome> {
  return new Promise((resolve, reject) => {
    queue.push({ request, resolve, reject });
    if (!writing) void drain();
  });
}

async function drain(): Promise<void> {
  writing = true;
  await new Promise((resolve) => setImmediate(resolve));
  while (queue.length > 0) {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    await writeBatch(batch);
  }
  writing = false;
}

async function writeBatch(batch: Waiting[]): Promise<void> {
  try {
    const outcomes = await writeReservations(batch.map((w) => w.request));
    batch.forEach((w, i) => w.resolve(outcomes[i]));
  } catch (error) {
    if (batch.length === 1) return batch[0].reject(error);
    if (!(error instanceof IdempotencyReplay)) console.error("credit reservation batch failed, retrying one by one:", (error as Error).message);
    for (const waiting of batch) await writeBatch([waiting]);
  }
}

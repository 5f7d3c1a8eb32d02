import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { writeTransactions, type TransactionOutcome, type TransactionRow } from "./write-transactions";

// Group commit: concurrent requests queue their row and one database transaction writes the whole queue.
// One batch is in flight at a time, so under load everything that arrived while a batch was being written
// goes into the next one (batches grow with load instead of racing each other for the same counter row
// lock). Each request is answered after its batch commits; a failed batch is retried row by row so one
// bad row cannot fail the others.
const MAX_BATCH = 500;

interface Waiting {
  row: TransactionRow;
  resolve: (outcome: TransactionOutcome) => void;
  reject: (error: unknown) => void;
}

let queue: Waiting[] = [];
let writing = false;

export function submitTransaction(row: TransactionRow): Promise<TransactionOutcome> {
  return new Promise((resolve, reject) => {
    queue.push({ row, resolve, reject });
    if (!writing) void drain();
  });
}

async function drain(): Promise<void> {
  writing = true;
  // Let the requests that arrive in the same tick join the first batch.
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
    const outcomes = await writeTransactions(batch.map((w) => w.row));
    batch.forEach((w, i) => w.resolve(outcomes[i]));
  } catch (error) {
    // Nothing of the batch was acknowledged; if the database is unreachable, row-by-row retries would only
    // make every request wait longer.
    if (batch.length === 1 || isDatabaseUnavailable(error)) return batch.forEach((w) => w.reject(error));
    for (const waiting of batch) await writeBatch([waiting]);
  }
}

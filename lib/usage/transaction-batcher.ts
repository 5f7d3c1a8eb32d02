import { writeTransactions, type TransactionOutcome, type TransactionRow } from "./write-transactions";

// Group commit: concurrent requests queue their row; one database transaction writes up to MAX_BATCH rows
// once MAX_WAIT_MS passes or the batch is full, and each request is answered after its batch commits.
// A failed batch is retried row by row so one bad row cannot fail the others.
const MAX_BATCH = 64;
const MAX_WAIT_MS = 2;

interface Waiting {
  row: TransactionRow;
  resolve: (outcome: TransactionOutcome) => void;
  reject: (error: unknown) => void;
}

let queue: Waiting[] = [];
let timer: NodeJS.Timeout | undefined;

export function submitTransaction(row: TransactionRow): Promise<TransactionOutcome> {
  return new Promise((resolve, reject) => {
    queue.push({ row, resolve, reject });
    if (queue.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, MAX_WAIT_MS);
  });
}

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  const batch = queue;
  queue = [];
  if (batch.length > 0) void writeBatch(batch);
}

async function writeBatch(batch: Waiting[]): Promise<void> {
  try {
    const outcomes = await writeTransactions(batch.map((w) => w.row));
    batch.forEach((w, i) => w.resolve(outcomes[i]));
  } catch (error) {
    if (batch.length === 1) return batch[0].reject(error);
    for (const waiting of batch) await writeBatch([waiting]);
  }
}

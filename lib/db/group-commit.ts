import { isDatabaseUnavailable } from "./unavailable";

interface Waiting<In, Out> {
  item: In;
  resolve: (outcome: Out) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  maxBatch?: number;
  // Batches written at the same time. Under load everything that arrives while they are being written goes
  // into the next one, so batches grow with load instead of racing each other for the same row locks.
  inFlight?: number;
}

// Group commit: concurrent requests queue their item and one database transaction (`write`) takes the whole
// queue. Each request is answered after its batch commits. A failed batch is retried item by item so one bad
// item cannot fail the others, except when the database is unreachable: then retries would only make every
// request wait longer, and nothing of the batch was acknowledged.
export function groupCommit<In, Out>(write: (items: In[]) => Promise<Out[]>, { maxBatch = 500, inFlight = 1 }: GroupCommitOptions = {}): (item: In) => Promise<Out> {
  let queue: Waiting<In, Out>[] = [];
  let writing = 0;
  let scheduled = false;

  async function writeBatch(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outcomes = await write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (error) {
      if (batch.length === 1 || isDatabaseUnavailable(error)) return batch.forEach((w) => w.reject(error));
      for (const waiting of batch) await writeBatch([waiting]);
    }
  }

  function startBatches(): void {
    scheduled = false;
    while (queue.length > 0 && writing < inFlight) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      writing++;
      void writeBatch(batch).finally(() => {
        writing--;
        startBatches();
      });
    }
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Let the requests that arrive in the same tick join the batch.
      if (!scheduled && writing < inFlight) {
        scheduled = true;
        setImmediate(startBatches);
      }
    });
}

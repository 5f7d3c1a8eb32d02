import { isDatabaseUnavailable } from "./unavailable";

interface Waiting<In, Out> {
  item: In;
  resolve: (outcome: Out) => void;
  reject: (error: unknown) => void;
}

// Group commit: concurrent requests queue their item and one database transaction (`write`) takes the whole
// queue. One batch is in flight at a time, so under load everything that arrived while a batch was being
// written goes into the next one (batches grow with load instead of racing each other for the same row
// lock). Each request is answered after its batch commits. A failed batch is retried item by item so one bad
// item cannot fail the others, except when the database is unreachable: then retries would only make every
// request wait longer, and nothing of the batch was acknowledged.
export function groupCommit<In, Out>(write: (items: In[]) => Promise<Out[]>, maxBatch = 500): (item: In) => Promise<Out> {
  let queue: Waiting<In, Out>[] = [];
  let writing = false;

  async function writeBatch(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outcomes = await write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (error) {
      if (batch.length === 1 || isDatabaseUnavailable(error)) return batch.forEach((w) => w.reject(error));
      for (const waiting of batch) await writeBatch([waiting]);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    // Let the requests that arrive in the same tick join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      await writeBatch(batch);
    }
    writing = false;
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}

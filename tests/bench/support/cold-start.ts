// Cold start as a serverless user meets it: spawn `next start` on an existing database, ask GET /api/pos/status
// with a valid key until it answers, then send the first POST /api/pos/transactions. Times are from the spawn.
import { randomUUID } from "node:crypto";
import { startNext, stopServer } from "./server";

export interface ColdStart {
  firstStatusMs: number; // spawn → first 200 of GET /api/pos/status
  statusRequestMs: number; // that request on its own
  firstTransactionMs: number; // spawn → first 201 of POST /api/pos/transactions
  transactionRequestMs: number; // that request on its own
}

async function timed(url: string, init: RequestInit): Promise<{ status: number; ms: number } | null> {
  const started = performance.now();
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return null; // not listening yet
  }
}

export async function measureColdStarts({ port, databaseUrl, key, runs }: { port: number; databaseUrl: string; key: string; runs: number }) {
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${key}` };
  const starts: ColdStart[] = [];
  for (let run = 0; run < runs; run++) {
    const spawned = performance.now();
    const server = startNext({ port, databaseUrl });
    try {
      let status: { status: number; ms: number } | null = null;
      while (!status) {
        if (performance.now() - spawned > 60_000) throw new Error("the server did not answer within 60 s");
        status = await timed(`${base}/api/pos/status`, { headers });
        if (!status) await new Promise((r) => setTimeout(r, 10));
      }
      if (status.status !== 200) throw new Error(`GET /api/pos/status answered ${status.status}`);
      const firstStatusMs = performance.now() - spawned;
      const body = JSON.stringify({ amount: 500, currency: "USD", type: "sale", reference: `cold-${randomUUID()}` });
      const transaction = await timed(`${base}/api/pos/transactions`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
      if (transaction?.status !== 201) throw new Error(`POST /api/pos/transactions answered ${transaction?.status}`);
      starts.push({ firstStatusMs, statusRequestMs: status.ms, firstTransactionMs: performance.now() - spawned, transactionRequestMs: transaction.ms });
    } finally {
      await stopServer(server);
    }
  }
  return starts;
}

export function printColdStarts(starts: ColdStart[]) {
  const row = (label: string, pick: (s: ColdStart) => number) =>
    console.log(`  ${label.padEnd(52)} ${starts.map((s) => pick(s).toFixed(0).padStart(6)).join(" ")}`);
  console.log(`\nCold start: a fresh \`next start\` on the same database, ${starts.length} times (ms)`);
  row("spawn → first 200 of GET /api/pos/status", (s) => s.firstStatusMs);
  row("  of which that request itself", (s) => s.statusRequestMs);
  row("spawn → first 201 of POST /api/pos/transactions", (s) => s.firstTransactionMs);
  row("  of which that request itself", (s) => s.transactionRequestMs);
}

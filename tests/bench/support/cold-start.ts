// Cold start as a serverless user meets it: spawn `next start` on an existing database, ask GET /api/pos/status
// with a valid key until it answers, then send the first POST /api/pos/transactions. Times are from the spawn.
// A separate fresh start whose first request is GET /api/ping (touches nothing of ours) shows the floor: Next.js
// starting up plus instrumentation's register(), which every first request waits for.
import { randomUUID } from "node:crypto";
import { startNext, stopServer } from "./server";

export interface ColdStart {
  firstPingMs: number; // another fresh start: spawn → first 200 of GET /api/ping
  pingRequestMs: number; // that request on its own
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
  const firstAnswer = async (spawned: number, url: string, init: RequestInit) => {
    let answer: { status: number; ms: number } | null = null;
    while (!answer) {
      if (performance.now() - spawned > 60_000) throw new Error("the server did not answer within 60 s");
      answer = await timed(url, init);
      if (!answer) await new Promise((r) => setTimeout(r, 10));
    }
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status}`);
    return { ...answer, fromSpawnMs: performance.now() - spawned };
  };
  for (let run = 0; run < runs; run++) {
    let spawned = performance.now();
    let server = startNext({ port, databaseUrl });
    let ping: Awaited<ReturnType<typeof firstAnswer>>;
    try {
      ping = await firstAnswer(spawned, `${base}/api/ping`, {});
    } finally {
      await stopServer(server);
    }
    spawned = performance.now();
    server = startNext({ port, databaseUrl });
    try {
      const status = await firstAnswer(spawned, `${base}/api/pos/status`, { headers });
      const firstStatusMs = status.fromSpawnMs;
      const body = JSON.stringify({ amount: 500, currency: "USD", type: "sale", reference: `cold-${randomUUID()}` });
      const transaction = await timed(`${base}/api/pos/transactions`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body });
      if (transaction?.status !== 201) throw new Error(`POST /api/pos/transactions answered ${transaction?.status}`);
      starts.push({ firstPingMs: ping.fromSpawnMs, pingRequestMs: ping.ms, firstStatusMs, statusRequestMs: status.ms, firstTransactionMs: performance.now() - spawned, transactionRequestMs: transaction.ms });
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
  row("spawn → first 200 of GET /api/ping (the floor)", (s) => s.firstPingMs);
  row("  of which that request itself", (s) => s.pingRequestMs);
  row("spawn → first 200 of GET /api/pos/status", (s) => s.firstStatusMs);
  row("  of which that request itself", (s) => s.statusRequestMs);
  row("spawn → first 201 of POST /api/pos/transactions", (s) => s.firstTransactionMs);
  row("  of which that request itself", (s) => s.transactionRequestMs);
}

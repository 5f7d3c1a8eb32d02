// npm run bench -- --soak: BENCH_SOAK_MINUTES (10) of mixed load (status, heartbeats, transactions, usage reads
// over 200 keys) at about half the measured maximum, with a trickle of made-up keys and oversized chunked bodies
// beside it. Every 10 s it prints requests/s, p99, errors, the server's RSS and V8 heap; at the end the slope of
// heap and RSS over the run, and the floor measured before (on a warmed-up server) and after.
import { readFileSync } from "node:fs";
import http from "node:http";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { wrk, type LoadResult } from "./wrk";

const WINDOW_SECONDS = 10;
const STEADY_CONNECTIONS = 20;

interface Window {
  atSeconds: number;
  load: LoadResult;
  rssMb: number;
  heapMb: number; // live heap: measured after the latest full garbage collection
  servedBefore: number; // requests served before the end of this window (wrk and the trickle)
}

interface MemorySample {
  pid: number;
  t: number;
  rss: number;
  heapUsed: number;
  liveHeap: number | null;
}

export async function runSoak({ base, keysFile, hotKey, memoryFile }: { base: string; keysFile: string; hotKey: string; memoryFile: string }) {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  // A server that just started answers its first seconds with a cold JIT (p99 over a second): warm it first, so
  // "before" is the speed a long-running instance is compared with, not its start.
  const warmUp = [await wrk({ base, mode: "ping", seconds: 5, connections: 50 }), await wrk({ base, mode: "mixed", keysFile, seconds: 5, connections: 50, runId: "warm" })];
  const floorBefore = await measureFloor(base);
  const max = await wrk({ base, mode: "mixed", keysFile, seconds: 10, connections: 50, runId: "max" });
  const target = max.rps / 2;
  const delayMs = Math.max(0, Math.round((STEADY_CONNECTIONS * 1000) / target - 2));
  console.log(`\nSoak: ${minutes} min of mixed load at about half of the measured maximum (${max.rps.toFixed(0)} req/s → ${target.toFixed(0)}), plus a trickle of bad requests`);
  console.log(`${"t s".padStart(5)} ${"req/s".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"RSS MB".padStart(7)} ${"heap MB".padStart(8)}`);

  const trickle = startHostileTrickle(base, hotKey);
  const windows: Window[] = [];
  const started = Date.now();
  let served = [...warmUp, floorBefore, max].reduce((n, load) => n + load.requests, 0);
  try {
    for (let i = 1; i <= (minutes * 60) / WINDOW_SECONDS; i++) {
      const windowStart = Date.now();
      const load = await wrk({ base, mode: "mixed", keysFile, seconds: WINDOW_SECONDS, connections: STEADY_CONNECTIONS, runId: `soak${i}`, delayMs });
      served += load.requests;
      const samples = serverSamples(memoryFile).filter((s) => s.t >= windowStart);
      const window: Window = {
        atSeconds: Math.round((Date.now() - started) / 1000),
        load,
        rssMb: Math.max(...samples.map((s) => s.rss)) / 2 ** 20,
        heapMb: (samples.at(-1)?.liveHeap ?? Math.min(...samples.map((s) => s.heapUsed))) / 2 ** 20,
        servedBefore: served + trickle.sent(),
      };
      windows.push(window);
      console.log(
        `${String(window.atSeconds).padStart(5)} ${load.rps.toFixed(0).padStart(7)} ${load.p99.toFixed(1).padStart(7)} ${String(load.errors).padStart(7)} ${window.rssMb.toFixed(0).padStart(7)} ${window.heapMb.toFixed(1).padStart(8)}`,
      );
    }
  } finally {
    await trickle.stop();
  }
  const floorAfter = await measureFloor(base);
  printSummary(windows, floorBefore, floorAfter, trickle.unexpected());
}

// The floor is as noisy as the machine (two medians of three 5 s runs, back to back on an idle server, differed
// by 10 %): the median of five 5 s runs.
async function measureFloor(base: string): Promise<LoadResult> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < 5; i++) runs.push(await wrk({ base, mode: "ping", seconds: 5, connections: 50 }));
  const median = [...runs].sort((a, b) => a.rps - b.rps)[2];
  return { ...median, requests: runs.reduce((n, r) => n + r.requests, 0) };
}

// The server process is the one of the group with the most memory (`next start` may fork).
function serverSamples(memoryFile: string): MemorySample[] {
  const samples: MemorySample[] = readFileSync(memoryFile, "utf8").trim().split("\n").map((line) => JSON.parse(line));
  const biggest = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
  return samples.filter((s) => s.pid === biggest.pid);
}

// Least-squares slope of y over x.
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function printSummary(windows: Window[], before: LoadResult, after: LoadResult, unexpected: Map<string, number>) {
  const minutes = windows.map((w) => w.atSeconds / 60);
  const served = windows.map((w) => w.servedBefore / 100_000);
  const heap = windows.map((w) => w.heapMb);
  const rss = windows.map((w) => w.rssMb);
  const errors = windows.reduce((n, w) => n + w.load.errors, 0) + [...unexpected.values()].reduce((a, b) => a + b, 0);
  const change = ((after.rps - before.rps) / before.rps) * 100;
  console.log(`\n  requests served           ${windows.at(-1)?.servedBefore}`);
  console.log(`  live heap (after full GC) ${heap[0].toFixed(1)} MB → ${heap.at(-1)!.toFixed(1)} MB; slope ${slope(minutes, heap).toFixed(2)} MB/min, ${slope(served, heap).toFixed(2)} MB per 100k requests`);
  console.log(`  RSS                       ${rss[0].toFixed(0)} MB → ${rss.at(-1)!.toFixed(0)} MB; slope ${slope(minutes, rss).toFixed(2)} MB/min, ${slope(served, rss).toFixed(2)} MB per 100k requests`);
  console.log(`  floor (GET /api/ping, median of 5 × 5 s) before ${before.rps.toFixed(0)} req/s (p99 ${before.p99.toFixed(1)} ms), after ${after.rps.toFixed(0)} req/s (p99 ${after.p99.toFixed(1)} ms): ${change >= 0 ? "+" : ""}${change.toFixed(1)} %`);
  console.log(`  errors                    ${errors} (non-2xx and socket errors of the steady load, and bad requests not refused as expected)`);
  for (const [what, count] of unexpected) console.log(`    ${count} × ${what}`);
}

// About 10 requests/s from this process: made-up keys with a valid checksum (they reach the database lookup and
// the negative cache; 401, or 429 once this address sent too many) and 100 KiB chunked bodies (413). Each
// oversized body goes on a connection of its own: the server closes a connection whose body it stopped reading.
function startHostileTrickle(base: string, key: string) {
  let sent = 0;
  const unexpected = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const bad = sent % 2 === 0;
      const outcome = bad ? await madeUpKey(base) : await oversizedBody(base, key);
      const expected = bad ? [401, 429] : [413];
      if (typeof outcome !== "number" || !expected.includes(outcome)) {
        const what = `${bad ? "made-up key" : "oversized body"}: ${outcome}`;
        unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
      }
      sent++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    sent: () => sent,
    unexpected: () => unexpected,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function madeUpKey(base: string): Promise<number | string> {
  try {
    const response = await fetch(`${base}/api/pos/status`, { headers: { authorization: `Bearer ${generateApiKey("live").key}` } });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return `${(error as Error).message} (${String(((error as Error).cause as Error)?.message ?? "")})`;
  }
}

// The status of a 100 KiB chunked upload; the server may cut the connection once it has answered.
function oversizedBody(base: string, key: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request(`${base}/api/pos/transactions`, {
      method: "POST",
      agent: false,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? "no status");
      res.resume();
    });
    req.on("error", (error) => resolve(error.message)); // ignored once a status has resolved the promise
    const chunk = Buffer.alloc(1024, 0x20);
    for (let i = 0; i < 100; i++) req.write(chunk);
    req.end();
  });
}

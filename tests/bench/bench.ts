// npm run bench — the API-key hot paths against the framework's floor, in one run on a fresh production build:
// `next start` on a fresh database on the local PostgreSQL (rate limits in Redis when REDIS_URL is set), loaded
// by wrk from a second process on 127.0.0.1 only, bounded in time. Prints requests/s, p50 and p99 of
//   the floor (GET /api/ping), GET /api/pos/status, POST /api/pos/transactions on one hot business and on
//   200 businesses with a key each, in rounds of rotating order; then their latency at a steady half of the
//   floor's maximum rate, and the cold start of a fresh `next start`.
// npm run bench -- --soak: ten minutes of mixed load at half the measured maximum (see soak.ts).
// npm run bench -- --cold: only the cold starts (a few seconds), five of them.
// Flags: --no-build (reuse .next), --soak, --cold. Env: BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_BUSINESSES,
// BENCH_PORT, BENCH_SOAK_MINUTES.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureColdStarts, printColdStarts } from "./support/cold-start";
import { seedBusinesses } from "./support/seed-businesses";
import { assertPortFree, buildUnlessAsked, createBenchDatabase, startNext, stopServer, waitFor } from "./support/server";
import { runSoak } from "./support/soak";
import { wrk, type LoadResult, type Mode } from "./support/wrk";

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BUSINESSES = Number(process.env.BENCH_BUSINESSES ?? 200);
const STEADY_CONNECTIONS = 20;
const soak = process.argv.includes("--soak");
const coldOnly = process.argv.includes("--cold");

interface Scenario {
  name: string;
  mode: Mode;
  keysFile: string;
}

async function main() {
  await assertPortFree(BASE);
  buildUnlessAsked();
  const db = await createBenchDatabase("tangabiz_bench");
  const dir = mkdtempSync(path.join(tmpdir(), "tangabiz-bench-"));
  const memoryFile = path.join(dir, "memory.jsonl");
  let server = startNext({ port: PORT, databaseUrl: db.url, memoryFile });
  try {
    await waitFor(`${BASE}/api/health`, 60_000);
    // One hot business (two keys' worth of traffic on one counter row) and BUSINESSES others, a key each.
    const [hot, ...many] = await seedBusinesses(db.url, BUSINESSES + 1);
    const hotKeys = path.join(dir, "hot.keys");
    const manyKeys = path.join(dir, "many.keys");
    writeFileSync(hotKeys, `${hot.key}\n`);
    writeFileSync(manyKeys, many.map((b) => b.key).join("\n") + "\n");

    if (coldOnly) {
      await stopServer(server);
      printColdStarts(await measureColdStarts({ port: PORT, databaseUrl: db.url, key: hot.key, runs: 5 }));
      return;
    }
    if (soak) {
      await runSoak({ base: BASE, keysFile: manyKeys, hotKey: hot.key, memoryFile });
      return;
    }
    const scenarios: Scenario[] = [
      { name: "floor: GET /api/ping", mode: "ping", keysFile: hotKeys },
      { name: "GET /api/pos/status", mode: "status", keysFile: hotKeys },
      { name: "POST /api/pos/transactions, 1 business", mode: "transactions", keysFile: hotKeys },
      { name: `POST /api/pos/transactions, ${BUSINESSES} businesses`, mode: "transactions", keysFile: manyKeys },
    ];
    // Warm every path first (JIT, pools, caches) so the first scenario measured is not the coldest.
    for (const s of scenarios) await wrk({ base: BASE, mode: s.mode, keysFile: s.keysFile, seconds: 3, connections: CONNECTIONS, runId: "warm" });
    // Each round starts one scenario later, so no scenario always runs first (or right after the heaviest).
    const results: LoadResult[][] = scenarios.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let j = 0; j < scenarios.length; j++) {
        const i = (j + round) % scenarios.length;
        const s = scenarios[i];
        results[i].push(await wrk({ base: BASE, mode: s.mode, keysFile: s.keysFile, seconds: SECONDS, connections: CONNECTIONS, runId: `r${round}` }));
      }
    }
    printTable(scenarios, results);
    // At saturation a Node server's p99 is dominated by requests that wait for the event loop; latency is
    // compared again at a steady half of the floor's maximum rate.
    const rate = median(results[0].map((r) => r.rps)) / 2;
    const steady: LoadResult[] = [];
    for (const s of scenarios) {
      const delayMs = Math.round((STEADY_CONNECTIONS * 1000) / rate);
      steady.push(await wrk({ base: BASE, mode: s.mode, keysFile: s.keysFile, seconds: SECONDS, connections: STEADY_CONNECTIONS, runId: "steady", delayMs }));
    }
    printSteadyTable(scenarios, steady, rate);

    await stopServer(server);
    printColdStarts(await measureColdStarts({ port: PORT, databaseUrl: db.url, key: hot.key, runs: 3 }));
  } finally {
    await stopServer(server);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Each scenario's figures are the median over the rounds; "vs floor" compares it with the floor of the same round.
function printTable(scenarios: Scenario[], results: LoadResult[][]) {
  const floor = results[0];
  console.log(
    `\n${CONNECTIONS} connections (wrk, 1 thread), ${SECONDS} s per scenario, ${ROUNDS} rounds in rotating order after a 3 s warm-up of each; ` +
      `next start on PostgreSQL${process.env.REDIS_URL ? " + Redis" : ""}; medians over the rounds\n`,
  );
  const header = ["scenario".padEnd(44), "req/s".padStart(7), "p50 ms".padStart(7), "p99 ms".padStart(7), "vs floor".padStart(9), "p99 vs floor".padStart(13), "errors".padStart(7), "  req/s per round"];
  console.log(header.join(" "));
  for (const [i, s] of scenarios.entries()) {
    const rounds = results[i];
    console.log(
      [
        s.name.padEnd(44),
        median(rounds.map((r) => r.rps)).toFixed(0).padStart(7),
        median(rounds.map((r) => r.p50)).toFixed(1).padStart(7),
        median(rounds.map((r) => r.p99)).toFixed(1).padStart(7),
        `${(median(rounds.map((r, k) => r.rps / floor[k].rps)) * 100).toFixed(0)}%`.padStart(9),
        `${median(rounds.map((r, k) => r.p99 / floor[k].p99)).toFixed(2)}x`.padStart(13),
        String(rounds.reduce((n, r) => n + r.errors, 0)).padStart(7),
        "  " + rounds.map((r) => r.rps.toFixed(0)).join(" / "),
      ].join(" "),
    );
  }
}

function printSteadyTable(scenarios: Scenario[], steady: LoadResult[], rate: number) {
  console.log(`\nLatency at a steady ~${rate.toFixed(0)} req/s (half the floor's maximum; ${STEADY_CONNECTIONS} connections, each pausing a random time between requests), ${SECONDS} s each\n`);
  console.log(["scenario".padEnd(44), "req/s".padStart(7), "p50 ms".padStart(7), "p99 ms".padStart(7), "max ms".padStart(7), "p99 vs floor".padStart(13), "errors".padStart(7)].join(" "));
  for (const [i, s] of scenarios.entries()) {
    const r = steady[i];
    console.log(
      [
        s.name.padEnd(44),
        r.rps.toFixed(0).padStart(7),
        r.p50.toFixed(1).padStart(7),
        r.p99.toFixed(1).padStart(7),
        r.max.toFixed(1).padStart(7),
        `${(r.p99 / steady[0].p99).toFixed(2)}x`.padStart(13),
        String(r.errors).padStart(7),
      ].join(" "),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

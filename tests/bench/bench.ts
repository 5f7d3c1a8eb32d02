// npm run bench — builds and starts the production server on a fresh database on the local PostgreSQL
// (rate limits in Redis when REDIS_URL is set), loads it from this second process with autocannon on
// 127.0.0.1 only, bounded in time, and prints requests/s, p50 and p99 for the framework's floor and the
// API-key hot paths.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function main() {
  if (await fetch(BASE).then(() => true, () => false)) throw new Error(`Something already listens on ${BASE}; stop it or set BENCH_PORT.`);
  if (!process.argv.includes("--no-build")) run("npx", ["next", "build"]);
  const dbName = `tangabiz_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  let server: ChildProcess | undefined;
  try {
    server = startServer(dbUrl);
    await waitFor(`${BASE}/api/health`, 60_000);
    const key = await seedBusiness(dbUrl);
    const all = scenarios(key);
    // Warm every path first (JIT, pools, caches) so the first scenario measured is not the coldest.
    for (const scenario of all) await autocannon({ url: BASE, connections: CONNECTIONS, requests: scenario.requests, duration: 3 });
    const rows = [];
    for (const scenario of all) rows.push({ name: scenario.name, ...(await load(scenario)) });
    printTable(rows);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM"); // the whole group: next and the server it forks
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      APP_URL: BASE,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

// Signs up through the real auth route, registers a business (which returns its first key), then lifts
// the plan and rate limits so the benchmark measures the request path, not the limits.
async function seedBusiness(databaseUrl: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: BASE };
  const signUp = await fetch(`${BASE}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: `bench-${randomBytes(3).toString("hex")}@example.test`, password: "bench-password-1", name: "Bench" }),
  });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const registered = await fetch(`${BASE}/api/business/register`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify({ businessName: "Bench Shop" }) });
  const body = await registered.json();
  if (!registered.ok) throw new Error(`registration failed: ${JSON.stringify(body)}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`UPDATE "Subscription" SET plan = 'enterprise' WHERE "businessId" = $1`, [body.business.id]);
  await db.query(`UPDATE "ApiKey" SET "rateLimitPerHour" = 100000000 WHERE "businessId" = $1`, [body.business.id]);
  await db.end();
  return body.apiKey.key;
}

type Scenario = { name: string; requests: autocannon.Request[] };

function scenarios(key: string): Scenario[] {
  const auth = { authorization: `Bearer ${key}` };
  let n = 0;
  const run = randomBytes(3).toString("hex");
  return [
    { name: "bare handler (GET /api/ping)", requests: [{ method: "GET", path: "/api/ping" }] },
    { name: "GET /api/pos/status", requests: [{ method: "GET", path: "/api/pos/status", headers: auth }] },
    {
      name: "POST /api/pos/transactions",
      requests: [
        {
          method: "POST",
          path: "/api/pos/transactions",
          setupRequest: (req) => ({
            ...req,
            headers: { ...auth, "content-type": "application/json" },
            body: JSON.stringify({ amount: 1250, currency: "USD", type: "sale", reference: `bench-${run}-${n++}` }),
          }),
        },
      ],
    },
  ];
}

async function load(scenario: Scenario) {
  const result = await autocannon({ url: BASE, connections: CONNECTIONS, requests: scenario.requests, duration: DURATION });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

function printTable(rows: { name: string; rps: number; p50: number; p99: number; errors: number; total: number }[]) {
  const bare = rows[0];
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each after a 3 s warm-up of each, next start on PostgreSQL${process.env.REDIS_URL ? " + Redis" : ""}\n`);
  console.log(["scenario".padEnd(32), "req/s".padStart(8), "p50 ms".padStart(7), "p99 ms".padStart(7), "rps vs bare".padStart(12), "p99 vs bare".padStart(12), "errors".padStart(7)].join(" "));
  for (const row of rows) {
    console.log(
      [
        row.name.padEnd(32),
        row.rps.toFixed(0).padStart(8),
        String(row.p50).padStart(7),
        String(row.p99).padStart(7),
        `${((row.rps / bare.rps) * 100).toFixed(0)}%`.padStart(12),
        `${(row.p99 / bare.p99).toFixed(2)}x`.padStart(12),
        String(row.errors).padStart(7),
      ].join(" "),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

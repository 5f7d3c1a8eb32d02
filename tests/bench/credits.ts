// npm run bench:credits — reservations per second on ONE hot balance (every request contends for the same row),
// on a fresh database on the local PostgreSQL: at the library level (group commit, and one transaction per
// reservation for comparison) and through the real route (POST /api/v1/jobs on `next start`, autocannon).
// Flags: --no-build (reuse .next), --library-only. Env: BENCH_SECONDS, BENCH_CALLERS, BENCH_CONNECTIONS, BENCH_PORT.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";

const PORT = Number(process.env.BENCH_PORT ?? 3211);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const libraryOnly = process.argv.includes("--library-only");

interface Row {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  granted: number;
  refused: number;
  errors: number;
}

async function main() {
  if (!libraryOnly && !process.argv.includes("--no-build")) run("npx", ["next", "build"]);
  const dbName = `tangabiz_bench_credits_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
  Object.assign(process.env, { DATABASE_URL: dbUrl, SEED_DEMO: "false", CRON_SECRET: randomBytes(24).toString("hex"), BETTER_AUTH_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_KEY: randomBytes(32).toString("hex") });
  let server: ChildProcess | undefined;
  const rows: Row[] = [];
  try {
    const { database } = await import("@/lib/db");
    await (await import("@/lib/db/migrate")).applyMigrations(database);
    const credits = await loadCreditLibrary();

    const hot = await seedBusiness(database.prisma, credits, 100_000_000);
    await credits.reserveCredits({ businessId: hot, apiKeyId: null, requestedSeconds: 5 }); // warm the path
    rows.push(await measure("library, group commit (reserveCredits)", () => credits.reserveCredits({ businessId: hot, apiKeyId: null, requestedSeconds: 5 })));
    rows.push(
      await measure("library, 1 tx per reservation", () =>
        credits.writeReservations([{ businessId: hot, apiKeyId: null, credits: 1, requestedSeconds: 5, ttlSeconds: 3_600, idempotencyKey: null }]).then((o) => o[0]),
      ),
    );
    rows.push(await measure("library, 1 statement per reservation (*)", oneStatementReserve(dbUrl, hot)));
    const exact = await exactness(database.prisma, credits);

    if (!libraryOnly) {
      server = startServer(dbUrl);
      await waitFor(`${BASE}/api/health`, 60_000);
      const { key, businessId } = await registerThroughApp(dbUrl);
      await credits.addCredits(businessId, 100_000_000);
      const body = JSON.stringify({ requestedSeconds: 5 });
      const jobs = { method: "POST" as const, path: "/api/v1/jobs", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body };
      await autocannon({ url: BASE, connections: CONNECTIONS, requests: [{ method: "GET", path: "/api/ping" }], duration: 3 });
      await autocannon({ url: BASE, connections: CONNECTIONS, requests: [jobs], duration: 3 });
      rows.push(await load("route, bare handler (GET /api/ping)", [{ method: "GET", path: "/api/ping" }]));
      rows.push(await load("route, POST /api/v1/jobs", [jobs]));
    }
    const audit = await credits.auditCredits();
    printTable(rows, exact, audit.drift.length);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    const holder = globalThis as { tangabizDb?: { close(): Promise<void> } };
    await holder.tangabizDb?.close().catch((error: Error) => console.error("closing the database:", error.message));
    // Idle pooled connections that outlive close() are cut by the forced drop; that is expected here.
    process.on("uncaughtException", (error: Error & { code?: string }) => {
      if (error.code !== "57P01") throw error;
    });
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

async function loadCreditLibrary() {
  const { reserveCredits } = await import("@/lib/credits/reserve-credits");
  const { writeReservations } = await import("@/lib/credits/write-reservations");
  const { postCreditEntry } = await import("@/lib/credits/post-credit-entry");
  const { creditTransaction } = await import("@/lib/credits/sql");
  const { auditCredits } = await import("@/lib/credits/audit-credits");
  const addCredits = (businessId: string, delta: number) =>
    creditTransaction((query) => postCreditEntry(query, { businessId, bucket: "topup", kind: "adjustment", delta, idempotencyKey: `bench:${randomUUID()}` }));
  return { reserveCredits, writeReservations, auditCredits, addCredits };
}

type Credits = Awaited<ReturnType<typeof loadCreditLibrary>>;
type Prisma = (typeof import("@/lib/db"))["prisma"];

async function seedBusiness(prisma: Prisma, credits: Credits, balance: number) {
  const id = randomUUID();
  await prisma.business.create({ data: { id, name: "Bench credits", slug: `bench-${id.slice(0, 8)}` } });
  await credits.addCredits(id, balance);
  return id;
}

// CALLERS concurrent callers, each awaiting its reservation then starting the next, for SECONDS.
async function measure(name: string, reserve: () => Promise<{ outcome: string }>): Promise<Row> {
  const latencies: number[] = [];
  let granted = 0;
  let refused = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const result = await reserve();
          if (result.outcome === "reserved") granted++;
          else refused++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, perSecond: granted / elapsed, p50: at(0.5), p99: at(0.99), granted, refused, errors };
}

// (*) The best one-row-at-a-time design, for comparison only: one autocommitted statement takes the hold with
// the conditional UPDATE and inserts the reservation (top-up bucket only, no plan/top-up split), so the row lock
// is held for one statement and its commit.
const ONE_STATEMENT = `
  WITH held AS (
    UPDATE "CreditBalance" SET reserved = reserved + 1, "updatedAt" = now()
    WHERE "businessId" = $1 AND bucket = 'topup' AND balance - reserved >= 1 RETURNING "businessId"
  )
  INSERT INTO "CreditReservation" (id, "businessId", status, "requestedSeconds", credits, "planCredits", "topupCredits", "expiresAt", "createdAt")
  SELECT $2, "businessId", 'reserved', 5, 1, 0, 1, now() + interval '1 hour', now() FROM held
  RETURNING id`;

function oneStatementReserve(databaseUrl: string, businessId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  return async () => {
    const { rowCount } = await pool.query(ONE_STATEMENT, [businessId, randomUUID()]);
    return { outcome: rowCount ? "reserved" : "insufficient" };
  };
}

// The correctness side of the same hot row: 1,000 concurrent 1-credit reservations against 500.
async function exactness(prisma: Prisma, credits: Credits) {
  const id = await seedBusiness(prisma, credits, 500);
  const results = await Promise.all(Array.from({ length: 1_000 }, () => credits.reserveCredits({ businessId: id, apiKeyId: null, requestedSeconds: 5 })));
  const row = await prisma.creditBalance.findUniqueOrThrow({ where: { businessId_bucket: { businessId: id, bucket: "topup" } } });
  return { granted: results.filter((r) => r.outcome === "reserved").length, refused: results.filter((r) => r.outcome === "insufficient").length, reserved: row.reserved };
}

async function load(name: string, requests: autocannon.Request[]): Promise<Row> {
  let granted = 0;
  let refused = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: BASE, connections: CONNECTIONS, requests, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client: unknown, status: number) => {
      if (status === 201 || status === 200) granted++;
      else if (status === 402) refused++;
    });
  });
  return { name, perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, granted, refused, errors: result.errors + result.non2xx - refused };
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, APP_URL: BASE, NEXT_TELEMETRY_DISABLED: "1" },
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

async function registerThroughApp(databaseUrl: string) {
  const headers = { "content-type": "application/json", origin: BASE };
  const signUp = await fetch(`${BASE}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email: `bench-${randomBytes(3).toString("hex")}@example.test`, password: "bench-password-1", name: "Bench" }),
  });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const registered = await fetch(`${BASE}/api/business/register`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify({ businessName: "Bench Credits" }) });
  const body = await registered.json();
  if (!registered.ok) throw new Error(`registration failed: ${JSON.stringify(body)}`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`UPDATE "ApiKey" SET "rateLimitPerHour" = 100000000, scopes = ARRAY['credits:read','credits:write'] WHERE "businessId" = $1`, [body.business.id]);
  await db.end();
  return { key: body.apiKey.key as string, businessId: body.business.id as string };
}

function printTable(rows: Row[], exact: { granted: number; refused: number; reserved: number }, drift: number) {
  console.log(`\nONE hot balance, local PostgreSQL; library: ${CALLERS} concurrent callers; route: ${CONNECTIONS} connections (autocannon); ${SECONDS} s each`);
  console.log("The machine is shared with other work: figures are noisy.\n");
  console.log(["scenario".padEnd(42), "granted/s".padStart(10), "p50 ms".padStart(8), "p99 ms".padStart(8), "granted".padStart(9), "402".padStart(6), "errors".padStart(7)].join(" "));
  for (const r of rows) {
    console.log(
      [r.name.padEnd(42), r.perSecond.toFixed(0).padStart(10), r.p50.toFixed(1).padStart(8), r.p99.toFixed(1).padStart(8), String(r.granted).padStart(9), String(r.refused).padStart(6), String(r.errors).padStart(7)].join(" "),
    );
  }
  console.log("(*) comparison only: one autocommitted CTE (conditional UPDATE + INSERT), top-up bucket only; not the app's code path");
  console.log(`\nexactness: 1,000 concurrent 1-credit reservations against 500 → ${exact.granted} granted, ${exact.refused} × 402, reserved = ${exact.reserved}`);
  console.log(`audit after the run: ${drift === 0 ? "no drift (every balance = sum of its ledger, reserved = open holds)" : `${drift} balances drifted`}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// npm run bench:billing — the billing run at scale, on the local PostgreSQL, against the production server.
// Phase 1: seeds 10,000 businesses due for renewal (half CVT-linked, charged through a local fake CVT; half
// mobile money), calls GET /api/cron/billing until a run reports completed, and prints total time,
// invoices/s, charges/s, the server's peak RSS and the number of invocations.
// Phase 2: fresh data in a fresh database; the server is killed (SIGKILL) at 20 random points while the
// run works, restarted each time, and the run completed; then prints invoices per (subscription, period),
// CVT charges per invoice at the fake, and subscriptions left without an invoice.
// Flags: --no-build (reuse .next), BENCH_BUSINESSES (default 10000), BENCH_KILLS (default 20), BENCH_VERBOSE=1
// (print each invocation's answer, with its openMs / chargeMs split).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { startFakeCvt, type FakeCvt } from "../fakes/cvt-server";
import { assertPortFree, buildUnlessAsked, createBenchDatabase, startNext, stopServer, waitFor } from "./support/server";

const PORT = Number(process.env.BENCH_PORT ?? 3211);
const BASE = `http://127.0.0.1:${PORT}`;
const BUSINESSES = Number(process.env.BENCH_BUSINESSES ?? 10_000);
const KILLS = Number(process.env.BENCH_KILLS ?? 20);
const CRON_SECRET = randomBytes(24).toString("hex");
const DAY = 86_400_000;
// Profiling the server, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses --cpu-prof).
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

async function main() {
  await assertPortFree(BASE);
  buildUnlessAsked();
  const cvt = await startFakeCvt();
  const databases: Awaited<ReturnType<typeof createBenchDatabase>>[] = [];
  const freshDatabase = async () => {
    const database = await createBenchDatabase("tangabiz_bench_billing");
    databases.push(database);
    return database.url;
  };
  let server: ChildProcess | undefined;
  try {
    // Phase 1: one uninterrupted billing run to completion.
    const dbUrl = await freshDatabase();
    server = await startServer(dbUrl, cvt);
    const periodEnd = await seed(dbUrl);
    const started = Date.now();
    let invocations = 0;
    let invoiced = 0;
    for (;;) {
      invocations += 1;
      const result = await cron();
      if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(result));
      invoiced += result.invoiced;
      if (result.completed) break;
    }
    const seconds = (Date.now() - started) / 1000;
    const peakRss = peakRssMb(server.pid!);
    const charges = cvt.charges.size;
    console.log(`\nPhase 1: ${BUSINESSES.toLocaleString("en-US")} businesses due (${BUSINESSES / 2} CVT, ${BUSINESSES / 2} mobile money), next start on PostgreSQL`);
    console.log(`  total time            ${seconds.toFixed(1)} s`);
    console.log(`  invoices              ${invoiced} (${(invoiced / seconds).toFixed(0)} invoices/s)`);
    console.log(`  CVT charges           ${charges} (${(charges / seconds).toFixed(0)} charges/s)`);
    console.log(`  peak RSS of server    ${peakRss} MB`);
    console.log(`  invocations           ${invocations}`);
    await report(dbUrl, cvt, periodEnd);
    await stopServer(server);

    // Phase 2: fresh data, the server killed at random points during the run, restarted, completed.
    cvt.charges.clear();
    cvt.requestsPerKey.clear();
    const killUrl = await freshDatabase();
    server = await startServer(killUrl, cvt);
    const killPeriodEnd = await seed(killUrl);
    const killedAt: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const delay = 300 + Math.floor(Math.random() * 3_000);
      const request = cron().catch(() => null);
      await new Promise((r) => setTimeout(r, delay));
      await stopServer(server, "SIGKILL");
      await request;
      killedAt.push(delay);
      server = await startServer(killUrl, cvt);
    }
    // A charge job claimed by a killed server keeps its 5-minute lease; stand in for that time passing.
    const expired = await expireLeases(killUrl);
    let invocations2 = 0;
    for (;;) {
      invocations2 += 1;
      const result = await cron();
      if (result.completed) break;
    }
    // The completing invocation drained what the killed ones left; one more to be sure nothing is left.
    await cron();
    console.log(`\nPhase 2: ${BUSINESSES.toLocaleString("en-US")} fresh businesses; server SIGKILLed ${KILLS} times at ${killedAt.map((ms) => `${(ms / 1000).toFixed(1)}s`).join(", ")} into a run`);
    console.log(`  charge leases expired by the bench (as if 5 min passed): ${expired}`);
    console.log(`  invocations to complete after the last restart: ${invocations2}`);
    await report(killUrl, cvt, killPeriodEnd);
  } finally {
    await stopServer(server);
    for (const database of databases) await database.drop();
    await cvt.close();
  }
}

async function cron(): Promise<{ completed: boolean; invoiced: number; charged: number }> {
  const res = await fetch(`${BASE}/api/cron/billing`, { headers: { authorization: `Bearer ${CRON_SECRET}` }, signal: AbortSignal.timeout(120_000) });
  const body = await res.json();
  if (!res.ok) throw new Error(`cron answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

// Businesses with a contact email (the invoice email's recipient) and a basic subscription ending tomorrow.
async function seed(databaseUrl: string): Promise<Date> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const periodEnd = new Date(Math.floor((Date.now() + DAY) / 1000) * 1000);
  const prefix = randomBytes(3).toString("hex");
  await db.query(
    `INSERT INTO "Business" (id, name, slug, "contactEmail", "cvtCustomerId")
     SELECT $1 || '_b' || g, 'Bench Shop ' || g, $1 || '-shop-' || g, 'owner' || g || '@bench.test',
            CASE WHEN g % 2 = 0 THEN 'cus_' || $1 || '_' || g END
     FROM generate_series(1, $2::int) g`,
    [prefix, BUSINESSES],
  );
  await db.query(
    `INSERT INTO "Subscription" (id, "businessId", plan, status, provider, "currentPeriodStart", "currentPeriodEnd", "billingCurrency", "updatedAt")
     SELECT $1 || '_s' || lpad(g::text, 6, '0'), $1 || '_b' || g, 'basic', 'active',
            (CASE WHEN g % 2 = 0 THEN 'cvt' ELSE 'paynow' END)::"PaymentProviderName", $3::timestamptz - interval '1 month', $3::timestamptz, 'USD', now()
     FROM generate_series(1, $2::int) g`,
    [prefix, BUSINESSES, periodEnd],
  );
  await db.end();
  return periodEnd;
}

async function expireLeases(databaseUrl: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const result = await db.query(`UPDATE "Job" SET "lockedUntil" = now() - interval '1 second' WHERE status = 'running'`);
  await db.end();
  return result.rowCount ?? 0;
}

async function report(databaseUrl: string, cvt: FakeCvt, periodEnd: Date) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const perPeriod = await db.query(
    `SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT count(*) AS n FROM "Invoice" WHERE "subscriptionId" IS NOT NULL GROUP BY "subscriptionId", "periodStart") t`,
  );
  const missing = await db.query(
    `SELECT count(*)::int AS n FROM "Subscription" s WHERE NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."subscriptionId" = s.id AND i."periodStart" = $1)`,
    [periodEnd],
  );
  const cvtInvoices = await db.query(`SELECT id, status::text FROM "Invoice" WHERE provider = 'cvt'`);
  const payments = await db.query(`SELECT status::text, count(*)::int AS n FROM "Payment" WHERE provider = 'cvt' GROUP BY status ORDER BY status`);
  const numbers = await db.query(`SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct FROM "Invoice"`);
  await db.end();
  const chargesPerInvoice = new Map<string, number>();
  for (const charge of cvt.charges.values()) {
    const id = charge.metadata.invoice_id;
    chargesPerInvoice.set(id, (chargesPerInvoice.get(id) ?? 0) + 1);
  }
  const counts = cvtInvoices.rows.map((row: { id: string }) => chargesPerInvoice.get(row.id) ?? 0);
  const requests = [...cvt.requestsPerKey.values()];
  console.log(`  invoices per (subscription, period): min ${perPeriod.rows[0].min}, max ${perPeriod.rows[0].max} (must be 1)`);
  console.log(`  CVT charges per invoice at the fake: min ${Math.min(...counts)}, max ${Math.max(...counts)} over ${counts.length} CVT invoices (must be 1); charge requests per key max ${Math.max(...requests)}`);
  console.log(`  subscriptions not invoiced: ${missing.rows[0].n} (must be 0)`);
  console.log(`  invoice numbers: ${numbers.rows[0].n} invoices, ${numbers.rows[0].distinct} distinct numbers`);
  console.log(`  CVT payments by status: ${payments.rows.map((r: { status: string; n: number }) => `${r.status} ${r.n}`).join(", ")}`);
}

// Secrets fixed for the whole benchmark: the server restarts on the same database many times.
async function startServer(databaseUrl: string, cvt: FakeCvt): Promise<ChildProcess> {
  const child = startNext({
    port: PORT,
    databaseUrl,
    nodeArgs,
    env: {
      BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      ENCRYPTION_KEY: "cd".repeat(32),
      CRON_SECRET,
      CVT_API_URL: cvt.url,
      CVT_SECRET_KEY: cvt.secret,
      CVT_WEBHOOK_SECRET: cvt.webhookSecret,
    },
  });
  await waitFor(`${BASE}/api/health`, 60_000, undefined, 200);
  return child;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

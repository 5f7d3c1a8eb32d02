// What every benchmark needs around the app: a production build, a fresh database on the local PostgreSQL,
// `next start` in its own process group, and a way to wait for it and stop it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

export const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function buildUnlessAsked() {
  if (process.argv.includes("--no-build")) return;
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

// A database of its own for one benchmark run, dropped (with any connection left on it) by `drop`.
export async function createBenchDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    url: Object.assign(new URL(ADMIN_DATABASE_URL), { pathname: `/${name}` }).toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface NextServerOptions {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  // The server writes its memory use here every second (support/report-memory.cjs), one JSON line per sample.
  memoryFile?: string;
  // e.g. ["--cpu-prof"], which NODE_OPTIONS does not accept
  nodeArgs?: string[];
}

export function startNext({ port, databaseUrl, env = {}, memoryFile, nodeArgs = [] }: NextServerOptions): ChildProcess {
  const base = `http://127.0.0.1:${port}`;
  const reporter = memoryFile ? { NODE_OPTIONS: `--require ${path.resolve("tests/bench/support/report-memory.cjs")}`, BENCH_MEMORY_FILE: memoryFile } : {};
  return spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      APP_URL: base,
      SEED_DEMO: "false",
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      JOBS_RUN_AFTER_RESPONSE: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      ...reporter,
      ...env,
    },
  });
}

// Stops `next start` and anything it forked (it runs in its own process group).
export async function stopServer(server: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!server?.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  try {
    process.kill(-server.pid, signal);
  } catch {
    return; // already gone
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

export async function waitFor(url: string, timeoutMs: number, init?: RequestInit, pollMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url, init).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`${url} did not come up`);
}

export async function assertPortFree(base: string) {
  if (await fetch(base).then(() => true, () => false)) throw new Error(`Something already listens on ${base}; stop it or set BENCH_PORT.`);
}

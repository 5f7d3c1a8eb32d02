import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// A second production server of the same build, for specs that need other settings than the shared one
// (e.g. a fake Resend) or must read the server's console. Its own embedded database and a free port.
export interface SpawnedApp {
  url: string;
  output: () => string;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function spawnApp(extraEnv: Record<string, string> = {}): Promise<SpawnedApp> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = path.join(tmpdir(), `tangabiz-e2e-spawned-${randomBytes(4).toString("hex")}`);
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(RESEND_|STRIPE_|PAYNOW_|CVT_|DATABASE_URL|APP_URL|PGLITE_DIR)/.test(name)),
  );
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      // Every browser of the run signs up from 127.0.0.1.
      AUTH_RATE_LIMIT_PER_MINUTE: "10000",
      AUTH_SIGN_IN_RATE_LIMIT_PER_MINUTE: "10000",
      APP_URL: url,
      PGLITE_DIR: dataDir,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      SEED_DEMO: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const healthy = await fetch(`${url}/api/health`).then((res) => res.ok, () => false);
    if (healthy) break;
    if (child.exitCode !== null) throw new Error(`the spawned server exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    output: () => output,
    async waitForLine(pattern, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const match = output.match(pattern);
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`no line matching ${pattern} in the server's output:\n${output.slice(-2000)}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.lock`, { force: true });
    },
  };
}

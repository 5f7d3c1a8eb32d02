import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "tangabiz-startup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const secrets = {
  BETTER_AUTH_SECRET: "startup-test-secret-startup-test-secret-0",
  ENCRYPTION_KEY: "ab".repeat(32),
  CRON_SECRET: "startup-test-cron-secret",
};

// Runs the server's startup hook (instrumentation.ts) in a fresh process, as `next start` does before serving.
function startServer(env: Record<string, string | undefined>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|PGLITE_DIR|REDIS_URL|BETTER_AUTH_SECRET|ENCRYPTION_KEY|CRON_SECRET|NODE_ENV)$/.test(name)));
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "-e", 'import("./instrumentation.ts").then((m) => m.register()).then(() => { console.log("READY"); process.exit(0); })'],
    { cwd: root, env: { ...base, NEXT_RUNTIME: "nodejs", SEED_DEMO: "false", ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 },
  );
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("a server that cannot work exits non-zero", () => {
  it("production without its secrets: exit 1 naming them", () => {
    const res = startServer({ NODE_ENV: "production", PGLITE_DIR: path.join(scratch, "no-secrets") });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("Tangabiz cannot start: Refusing to start in production without: BETTER_AUTH_SECRET, ENCRYPTION_KEY, CRON_SECRET");
    expect(res.stdout).not.toContain("READY");
  });

  it("a second server on an embedded database in use: exit 1 naming the holder", () => {
    const dir = path.join(scratch, "held");
    // This test process holds the folder, as a first server would.
    writeFileSync(path.join(scratch, "held.lock"), String(process.pid));
    for (const AUTO_MIGRATE of ["true", "false"]) {
      const res = startServer({ NODE_ENV: "production", PGLITE_DIR: dir, AUTO_MIGRATE, ...secrets });
      expect(res.code, `AUTO_MIGRATE=${AUTO_MIGRATE}`).toBe(1);
      expect(res.stderr).toContain(`Tangabiz cannot start: The embedded database in ${dir} is in use by process ${process.pid}`);
    }
  });

  it("a server with what it needs starts (control)", () => {
    const res = startServer({ NODE_ENV: "production", PGLITE_DIR: path.join(scratch, "fresh"), ...secrets });
    expect(res.stderr).not.toContain("cannot start");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("READY");
  });
});

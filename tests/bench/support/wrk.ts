// Runs wrk (Debian's `wrk`, C, so the load generator costs the two cores little) with wrk/requests.lua and
// returns what its done() hook printed.
import { spawn } from "node:child_process";
import path from "node:path";

export interface LoadResult {
  rps: number;
  p50: number; // ms
  p99: number; // ms
  max: number; // ms
  errors: number; // non-2xx responses and socket errors
  requests: number;
}

export type Mode = "ping" | "status" | "transactions" | "mixed";

export interface LoadOptions {
  base: string;
  mode: Mode;
  seconds: number;
  connections: number;
  keysFile?: string;
  runId?: string;
  delayMs?: number;
}

const SCRIPT = path.resolve("tests/bench/wrk/requests.lua");

export function wrk({ base, mode, seconds, connections, keysFile = "-", runId = "run", delayMs = 0 }: LoadOptions): Promise<LoadResult> {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", SCRIPT, base, "--", mode, keysFile, runId, String(delayMs)];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", (error) =>
      reject((error as NodeJS.ErrnoException).code === "ENOENT" ? new Error("wrk is not installed: apt-get install -y wrk") : error),
    );
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}: ${out}`));
      const r = JSON.parse(line);
      resolve({
        rps: r.requests / (r.durationUs / 1e6),
        p50: r.p50Us / 1000,
        p99: r.p99Us / 1000,
        max: r.maxUs / 1000,
        errors: r.non2xx + r.socketErrors,
        requests: r.requests,
      });
    });
  });
}

// Runs `prisma generate` without downloading the native schema engine (unreachable on offline machines).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const shim = fileURLToPath(new URL("./schema-engine-shim.sh", import.meta.url));
execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? shim },
});

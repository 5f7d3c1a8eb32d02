import { afterAll, beforeAll, inject } from "vitest";

// Runs before each test file's own imports, so lib/env sees these values.
const databaseUrl = inject("testDatabaseUrl");
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
Object.assign(process.env, {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  ENCRYPTION_KEY: "ab".repeat(32),
  CRON_SECRET: "test-cron-secret-0123456789",
  SEED_DEMO: "false",
  JOBS_RUN_AFTER_RESPONSE: "false",
});
delete process.env.RESEND_API_KEY;

beforeAll(async () => {
  const { database } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrate");
  await applyMigrations(database);
});

afterAll(async () => {
  const holder = globalThis as { tangabizDb?: { close(): Promise<void> } };
  await holder.tangabizDb?.close();
  delete holder.tangabizDb;
});

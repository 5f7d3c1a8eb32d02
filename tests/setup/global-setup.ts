import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

// With DATABASE_URL, each run gets a fresh database on that server, dropped afterwards.
// Without it, every test file opens its own in-memory PGlite (tests/setup/per-file.ts).
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("testDatabaseUrl", "");
    console.log("Test database: embedded PGlite (in memory, one per test file)");
    return;
  }
  const name = `tangabiz_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  project.provide("testDatabaseUrl", url.toString());
  console.log(`Test database: PostgreSQL ${url.host}/${name}`);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

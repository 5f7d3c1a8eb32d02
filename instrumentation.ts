// Runs once per server process before it serves requests: check the configuration, stamp each request with
// the client IP we trust, open the database, apply pending migrations, then (in development, on an empty
// database) seed the demo business. If any of that fails the process exits non-zero, rather than staying up
// and answering every request with a 500.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await prepare();
  } catch (error) {
    console.error(`Tangabiz cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function prepare() {
  const { env } = await import("@/lib/env");
  const { installClientIpStamp } = await import("@/lib/api/client-ip-stamp");
  installClientIpStamp(env.TRUST_PROXY_HEADER);
  const { database } = await import("@/lib/db");
  // Opening it takes the embedded database's folder lock now, so a second server fails here, not on its first request.
  if (database.kind === "embedded") (await database.connect()).release();
  if (env.AUTO_MIGRATE) {
    const { applyMigrations } = await import("@/lib/db/migrate");
    const applied = await applyMigrations(database);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  }
  if (env.NODE_ENV === "development" && env.SEED_DEMO) {
    const { seedDemoData } = await import("@/lib/demo/seed-demo");
    await seedDemoData();
  }
}

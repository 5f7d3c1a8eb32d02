// Runs once per server process before it serves requests: stamp each request with the client IP we trust,
// apply pending migrations, then (in development, on an empty database) seed the demo business.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installClientIpStamp } = await import("@/lib/api/client-ip-stamp");
  installClientIpStamp(env.TRUST_PROXY_HEADER);
  const { database } = await import("@/lib/db");
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

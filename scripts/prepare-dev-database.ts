// Runs before `npm run dev` (npm's predev): creates, migrates and seeds the embedded database before the dev server
// starts watching the project. Creating a PGlite database writes hundreds of files under .data/ at once; done
// inside a running `next dev`, that burst sometimes left Turbopack recompiling on every request, and open pages
// reloading several times a second. An existing database, DATABASE_URL or AUTO_MIGRATE=false: nothing to do here
// (the server applies new migrations itself when it starts).
import { existsSync } from "node:fs";
import "./load-env";

const { env } = await import("@/lib/env");

if (!env.DATABASE_URL && env.AUTO_MIGRATE && !existsSync(env.PGLITE_DIR)) {
  const { database } = await import("@/lib/db");
  try {
    const { applyMigrations } = await import("@/lib/db/migrate");
    const applied = await applyMigrations(database);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (env.SEED_DEMO) {
      const { seedDemoData } = await import("@/lib/demo/seed-demo");
      await seedDemoData();
    }
  } catch (error) {
    // The dev server reports the same problem (e.g. the folder is in use) with its own message; do not block it here.
    console.error(`Could not prepare the embedded database: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
}

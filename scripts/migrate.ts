// npm run db:migrate — apply pending migrations to the configured database: DATABASE_URL, or the embedded one in
// PGLITE_DIR (refused while a server holds that folder; stop it first).
import "./load-env";

const { database } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/db/migrate");

try {
  const applied = await applyMigrations(database);
  const where = database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `the embedded database`;
  console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `Nothing to apply: ${where} is up to date.`);
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

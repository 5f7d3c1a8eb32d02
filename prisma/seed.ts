// npm run db:seed — migrate the configured database, then create the demo business (owner, staff, a POS key) when
// it has no users yet. The embedded database is refused while a server holds its folder; stop it first.
import "../scripts/load-env";

const { database } = await import("@/lib/db");
const { applyMigrations } = await import("@/lib/db/migrate");
const { demoAccounts, seedDemoData } = await import("@/lib/demo/seed-demo");

try {
  await applyMigrations(database);
  if (!(await seedDemoData())) {
    console.log(
      `The database already has users, so no demo data was added (demo sign-in, if it was seeded: ${demoAccounts.owner.email} / ${demoAccounts.owner.password}).`,
    );
  }
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "./index";

// Applies prisma/migrations the way `prisma migrate deploy` does (same _prisma_migrations bookkeeping),
// so production can keep using the Prisma CLI on the same history. Prisma's advisory lock id keeps
// concurrent starters (several instances, several test workers) from applying a migration twice.
const PRISMA_MIGRATE_LOCK = 72707369;

const createBookkeeping = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export async function applyMigrations(db: Database): Promise<string[]> {
  const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
  const folders = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const sql = await db.connect();
  const applied: string[] = [];
  try {
    await sql.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await sql.exec(createBookkeeping);
    const done = await sql.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = done.find((row) => row.finished_at === null);
    if (failed) throw new Error(`Migration ${failed.migration_name} failed earlier; resolve it before starting.`);
    const finished = new Set(done.map((row) => row.migration_name));

    for (const name of folders.filter((folder) => !finished.has(folder))) {
      const script = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(script).digest("hex");
      await sql.exec("BEGIN");
      try {
        await sql.exec(script);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    sql.release();
  }
  return applied;
}

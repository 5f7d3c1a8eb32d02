import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { lockDataFolder } from "./folder-lock";

// A raw connection for what Prisma cannot do: multi-statement migration scripts.
export interface RawSql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
  release(): void;
}

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "embedded";
  connect(): Promise<RawSql>;
  // One plain-SQL statement in its own transaction, for the hot path (the API-key lookup, a POS batch): on
  // PostgreSQL a pooled connection directly, skipping the ORM's per-query work and its start (its query compiler
  // costs ~250 ms on a process's first query); embedded it runs through Prisma.
  query: Query;
  // A transaction of plain SQL (group-committed credit reservations), the same way.
  transaction<T>(fn: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function openPostgres(url: string): Database {
  // A request waits at most a few seconds for a connection, so an outage answers 503 quickly instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 3_000, keepAlive: true });
  // An idle connection the server drops (restart, network cut) is emitted here; without a listener it would
  // crash the process. The pool replaces it on the next checkout.
  // A connection that breaks while checked out but between queries emits on the client: same treatment.
  let lastPoolError = 0;
  const onConnectionError = (error: Error) => {
    if (Date.now() - lastPoolError > 60_000) console.error(`database connection lost: ${error.message}`);
    lastPoolError = Date.now();
  };
  pool.on("error", onConnectionError);
  pool.on("connect", (client) => client.on("error", onConnectionError));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async connect() {
      const client = await pool.connect();
      return {
        query: async (sql, params) => (await client.query(sql, params)).rows,
        exec: async (script) => void (await client.query(script)),
        release: () => client.release(),
      };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(async (sql, params) => (await client.query(sql, params)).rows);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

// The embedded database opens (and locks its folder) on the first query, not on import: Next.js imports
// route modules in helper processes too (e.g. `next dev`'s static-paths worker), and those must not
// touch the folder the server holds. Its modules load then too (~40 ms a PostgreSQL deployment need not pay).
function openEmbedded(dir: string): Database {
  let opening: Promise<PGlite> | undefined;
  const open = () =>
    (opening ??= (async () => {
      if (dir !== "memory://") lockDataFolder(dir);
      const { PGlite } = await import("@electric-sql/pglite");
      return new PGlite(dir);
    })().catch((error) => {
      opening = undefined;
      throw error;
    }));
  const adapter: SqlDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "pglite (lazy)",
    connect: async () => {
      const [db, { PrismaPGlite }] = await Promise.all([open(), import("pglite-prisma-adapter")]);
      return new PrismaPGlite(db).connect();
    },
  };
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    kind: "embedded",
    query: (sql, params = []) => prisma.$queryRawUnsafe(sql, ...params),
    async connect() {
      const db = await open();
      return {
        query: async (sql, params) => (await db.query(sql, params)).rows as never[],
        exec: async (script) => void (await db.exec(script)),
        release: () => {},
      };
    },
    transaction: (fn) => prisma.$transaction((tx) => fn((sql, params = []) => tx.$queryRawUnsafe(sql, ...params))),
    async close() {
      await prisma.$disconnect();
      await (await opening?.catch(() => undefined))?.close();
    },
  };
}

function openDatabase(): Database {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  // `next build` imports server modules in workers while a dev or prod server may hold the folder.
  const isBuild = process.env.NEXT_PHASE === "phase-production-build";
  return openEmbedded(isBuild ? "memory://" : env.PGLITE_DIR);
}

// One database per process, shared by route handlers, pages, hot reloads and instrumentation.
const globalForDb = globalThis as unknown as { tangabizDb?: Database };
export const database = (globalForDb.tangabizDb ??= openDatabase());
export const prisma = database.prisma;

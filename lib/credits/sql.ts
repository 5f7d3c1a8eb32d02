import { database, type Query } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Credit writes are plain SQL so the same statements run on the hot path (a pooled connection) and inside
// a Prisma transaction a caller already holds (a webhook's or a settlement's).
export function queryFromTx(tx: Prisma.TransactionClient): Query {
  return (sql, params = []) => tx.$queryRawUnsafe(sql, ...params);
}

export function creditTransaction<T>(fn: (query: Query) => Promise<T>): Promise<T> {
  return database.transaction(fn);
}

export type { Query };

import type { Prisma } from "@/lib/generated/prisma/client";

// INV-<year>-<6 digits>, sequential per UTC year. One statement increments and returns the counter; called
// inside the transaction that creates the invoice, its row lock serializes concurrent invoices and a rolled
// back invoice gives its number back, so numbers have no gaps and no duplicates.
export async function allocateInvoiceNumber(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "InvoiceSequence"."last" + 1
    RETURNING "last"`;
  return formatInvoiceNumber(year, Number(rows[0].last));
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`invoice sequence ${sequence} does not fit INV-${year}-NNNNNN`);
  }
  return `INV-${year}-${String(sequence).padStart(6, "0")}`;
}

// `count` consecutive numbers in one statement, for the billing run's batches.
export async function allocateInvoiceNumbers(tx: Prisma.TransactionClient, at: Date, count: number): Promise<string[]> {
  if (count === 0) return [];
  const year = at.getUTCFullYear();
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceSequence" ("year", "last") VALUES (${year}, ${count})
    ON CONFLICT ("year") DO UPDATE SET "last" = "InvoiceSequence"."last" + ${count}
    RETURNING "last"`;
  const last = Number(rows[0].last);
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber(year, last - count + 1 + i));
}

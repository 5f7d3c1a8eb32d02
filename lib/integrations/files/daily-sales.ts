import { prisma } from "@/lib/db";

// Complete UTC days with transactions that this integration has not uploaded in their current form: a day's
// version is its transaction count, so a till that syncs late makes the day's file go up again.
const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface PendingDay {
  day: string; // YYYY-MM-DD
  count: number;
  externalId: string | null;
  uploaded: boolean;
}

export async function pendingSalesDays(integrationId: string, businessId: string, connectedAt: Date, now: Date): Promise<PendingDay[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const connectedDay = Date.UTC(connectedAt.getUTCFullYear(), connectedAt.getUTCMonth(), connectedAt.getUTCDate());
  const from = new Date(Math.max(connectedDay - DAY_MS, today - WINDOW_DAYS * DAY_MS));
  const rows = await prisma.$queryRaw<{ day: string; count: number; version: number | null; externalId: string | null }[]>`
    WITH days AS (
      SELECT to_char("occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "UsageEvent"
      WHERE "businessId" = ${businessId} AND "eventType" = 'pos.transaction'
        AND "occurredAt" >= ${from} AND "occurredAt" < ${new Date(today)}
      GROUP BY 1
    )
    SELECT d.day, d.count, i.version, i."externalId"
    FROM days d
    LEFT JOIN "IntegrationItem" i ON i."integrationId" = ${integrationId} AND i.kind = 'daily_sales' AND i."itemId" = d.day
    WHERE i.version IS DISTINCT FROM d.count
    ORDER BY d.day`;
  return rows.map((r) => ({ day: r.day, count: r.count, externalId: r.externalId, uploaded: r.version !== null }));
}

export async function dailySalesCsv(businessId: string, day: string): Promise<string> {
  const start = new Date(`${day}T00:00:00.000Z`);
  const events = await prisma.usageEvent.findMany({
    where: { businessId, eventType: "pos.transaction", occurredAt: { gte: start, lt: new Date(start.getTime() + DAY_MS) } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  const customerIds = [...new Set(events.map((e) => e.customerId).filter((id): id is string => id !== null))];
  const customers = new Map(
    (await prisma.customer.findMany({ where: { businessId, id: { in: customerIds } } })).map((c) => [c.id, c]),
  );
  const header = ["occurred_at_utc", "reference", "type", "amount", "currency", "terminal_id", "customer_name", "customer_email", "customer_phone"];
  const rows = events.map((e) => {
    const customer = e.customerId ? customers.get(e.customerId) : undefined;
    return [
      e.occurredAt.toISOString(),
      e.reference ?? "",
      e.transactionType ?? "",
      majorUnits(e.amountCents ?? 0n, e.currency ?? "USD"),
      e.currency ?? "",
      e.terminalId ?? "",
      customer?.name ?? "",
      customer?.email ?? "",
      customer?.phone ?? "",
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// Exact decimal from minor units (no floats): 1250 USD → "12.50".
export function majorUnits(minor: bigint, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return minor.toString();
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

// Quotes what needs quoting, and defuses cells a spreadsheet would run as a formula.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

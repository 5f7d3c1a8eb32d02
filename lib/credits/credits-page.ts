import { prisma } from "@/lib/db";
import type { CreditEntryKind } from "./credit-units";

export interface LedgerFilter {
  kind?: CreditEntryKind;
  from?: string;
  to?: string;
}

const DAY = 86_400_000;

function ledgerWhere(businessId: string, filter: LedgerFilter) {
  return {
    businessId,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY) } : {}),
          },
        }
      : {}),
  };
}

// The ledger of one business, newest first, filtered by kind and UTC date range (both ends inclusive).
export function listLedger(businessId: string, filter: LedgerFilter, take = 100) {
  return prisma.creditLedgerEntry.findMany({ where: ledgerWhere(businessId, filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

export async function ledgerCsv(businessId: string, filter: LedgerFilter, limit = 50_000): Promise<string> {
  const rows = await listLedger(businessId, filter, limit);
  const header = ["time_utc", "kind", "bucket", "delta", "description", "reservation_id", "order_id", "invoice_id", "shopify_delivery_id"];
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    // Quote every text cell; a leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
    return `"${safe.replaceAll('"', '""')}"`;
  };
  const lines = rows.map((r) =>
    [r.createdAt.toISOString(), r.kind, r.bucket, r.delta, r.description, r.reservationId, r.orderId, r.invoiceId, r.shopifyDeliveryId].map((v, i) => (i === 3 ? String(v) : cell(v as string | null))).join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}

// Credits used per UTC day (settlements and expired holds), for the chart.
export async function dailyCreditsUsed(businessId: string, days = 30, now = new Date()) {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY;
  const start = end - days * DAY;
  const rows = await prisma.$queryRaw<{ day: Date; used: number }[]>`
    SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, (-sum(delta))::int AS used
    FROM "CreditLedgerEntry"
    WHERE "businessId" = ${businessId} AND kind = 'settlement' AND "createdAt" >= ${new Date(start)} AND "createdAt" < ${new Date(end)}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [new Date(r.day).toISOString().slice(0, 10), Number(r.used)]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start + i * DAY).toISOString().slice(0, 10);
    return { day, used: byDay.get(day) ?? 0 };
  });
}

export function listOpenReservations(businessId: string, take = 50) {
  return prisma.creditReservation.findMany({ where: { businessId, status: "reserved" }, orderBy: { createdAt: "desc" }, take });
}

export function listShopifyDeliveries(businessId: string, take = 20) {
  return prisma.shopifyDelivery.findMany({ where: { businessId }, orderBy: { receivedAt: "desc" }, take });
}

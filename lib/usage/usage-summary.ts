import { prisma } from "@/lib/db";
import { TRANSACTION_EVENT } from "./write-transactions";

export async function getUsageSummary(businessId: string, from: Date, to: Date) {
  const where = { businessId, occurredAt: { gte: from, lt: to } };
  const [events, transactions] = await Promise.all([
    prisma.usageEvent.groupBy({ by: ["eventType"], where, _count: { _all: true }, _sum: { quantity: true }, orderBy: { eventType: "asc" } }),
    prisma.usageEvent.groupBy({
      by: ["currency", "transactionType"],
      where: { ...where, eventType: TRANSACTION_EVENT },
      _count: { _all: true },
      _sum: { amountCents: true },
      orderBy: [{ currency: "asc" }, { transactionType: "asc" }],
    }),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    events: events.map((e) => ({ eventType: e.eventType, count: e._count._all, totalQuantity: e._sum.quantity ?? 0 })),
    transactions: transactions.map((t) => ({
      currency: t.currency ?? "",
      type: t.transactionType ?? "",
      count: t._count._all,
      totalAmount: Number(t._sum.amountCents ?? 0),
    })),
  };
}

// Transactions per UTC day for the dashboard chart.
export async function getDailyTransactions(businessId: string, from: Date, to: Date) {
  const rows = await prisma.$queryRaw<{ day: Date; count: bigint; amount: bigint | null; currency: string | null }[]>`
    SELECT date_trunc('day', "occurredAt" AT TIME ZONE 'UTC') AS day, currency, count(*) AS count, sum("amountCents") AS amount
    FROM "UsageEvent"
    WHERE "businessId" = ${businessId} AND "eventType" = ${TRANSACTION_EVENT} AND "occurredAt" >= ${from} AND "occurredAt" < ${to}
      AND "transactionType" = 'sale'
    GROUP BY 1, 2 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), currency: r.currency ?? "", count: Number(r.count), amount: Number(r.amount ?? 0) }));
}

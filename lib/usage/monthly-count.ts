import { prisma } from "@/lib/db";
import { monthPeriod } from "./period";
import { TRANSACTION_EVENT } from "./write-transactions";

// The count the monthly plan limit is enforced against (received this UTC month).
export async function getMonthlyTransactionCount(businessId: string, now = new Date()): Promise<number> {
  const counter = await prisma.usageCounter.findUnique({
    where: { businessId_metric_period: { businessId, metric: TRANSACTION_EVENT, period: monthPeriod(now) } },
    select: { count: true },
  });
  return counter?.count ?? 0;
}

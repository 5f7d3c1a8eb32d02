import { prisma } from "@/lib/db";
import { plans } from "./plans";

export const TRANSACTIONS_METRIC = "pos.transaction";

// "YYYY-MM" of a moment in UTC: the period key of monthly usage counters.
export function usagePeriod(at: Date = new Date()): string {
  return at.toISOString().slice(0, 7);
}

// The business's plan, billing state, limits (-1 = unlimited) and what it uses now.
export async function getBillingUsage(businessId: string) {
  const now = new Date();
  const [subscription, apiKeys, terminals, transactions] = await Promise.all([
    prisma.subscription.findUnique({
      where: { businessId },
      select: { plan: true, status: true, provider: true, currentPeriodEnd: true, cancelAtPeriodEnd: true },
    }),
    prisma.apiKey.count({ where: { businessId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    prisma.posTerminal.count({ where: { businessId } }),
    prisma.usageCounter.findUnique({
      where: { businessId_metric_period: { businessId, metric: TRANSACTIONS_METRIC, period: usagePeriod(now) } },
      select: { count: true },
    }),
  ]);
  const plan = subscription?.plan ?? "free";
  const { apiKeys: apiKeyLimit, terminals: terminalLimit, transactionsPerMonth, creditsPerMonth } = plans[plan].limits;
  return {
    plan,
    status: subscription?.status ?? "active",
    provider: subscription?.provider ?? "none",
    currentPeriodEnd: subscription?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: subscription?.cancelAtPeriodEnd ?? false,
    limits: { apiKeys: apiKeyLimit, terminals: terminalLimit, transactionsPerMonth, creditsPerMonth },
    usage: { apiKeys, terminals, transactionsThisMonth: transactions?.count ?? 0 },
  };
}

export type BillingUsage = Awaited<ReturnType<typeof getBillingUsage>>;

// For the dashboard banner: only the billing status, one indexed read.
export async function getBillingStatus(businessId: string) {
  const row = await prisma.subscription.findUnique({ where: { businessId }, select: { status: true, plan: true } });
  return row ?? { status: "active" as const, plan: "free" as const };
}

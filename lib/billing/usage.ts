import { countActiveApiKeys } from "@/lib/api-keys/manage-api-keys";
import { prisma } from "@/lib/db";
import { getMonthlyTransactionCount } from "@/lib/usage/monthly-count";
import { plans } from "./plans";

// The business's plan, billing state, limits (-1 = unlimited) and what it uses now.
export async function getBillingUsage(businessId: string) {
  const [subscription, apiKeys, terminals, transactionsThisMonth] = await Promise.all([
    prisma.subscription.findUnique({
      where: { businessId },
      select: { plan: true, status: true, provider: true, currentPeriodEnd: true, cancelAtPeriodEnd: true },
    }),
    countActiveApiKeys(businessId),
    prisma.posTerminal.count({ where: { businessId } }),
    getMonthlyTransactionCount(businessId),
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
    usage: { apiKeys, terminals, transactionsThisMonth },
  };
}

export type BillingUsage = Awaited<ReturnType<typeof getBillingUsage>>;

// For the dashboard banner: only the billing status, one indexed read.
export async function getBillingStatus(businessId: string) {
  const row = await prisma.subscription.findUnique({ where: { businessId }, select: { status: true, plan: true } });
  return row ?? { status: "active" as const, plan: "free" as const };
}

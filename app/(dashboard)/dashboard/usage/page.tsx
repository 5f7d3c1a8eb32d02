import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsageBar } from "@/components/ui/progress";
import { PeriodPicker } from "@/components/usage/period-picker";
import { SalesChart } from "@/components/usage/sales-chart";
import { dailySeries, parsePeriod, periodRange } from "@/components/usage/usage-period";
import { EventTotals, TransactionTotals } from "@/components/usage/usage-totals";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { plans } from "@/lib/billing/plans";
import { getBillingStatus } from "@/lib/billing/usage";
import { formatDate, formatMoney } from "@/lib/format";
import { getMonthlyTransactionCount } from "@/lib/usage/monthly-count";
import { getDailyTransactions, getUsageSummary } from "@/lib/usage/usage-summary";

export const metadata: Metadata = { title: "Usage" };

const count = new Intl.NumberFormat("en-US");

export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { member } = await requireMember();
  const days = parsePeriod((await searchParams).period);
  const now = new Date();
  const { from, to } = periodRange(days, now);
  const [summary, daily, monthTransactions, billing] = await Promise.all([
    getUsageSummary(member.businessId, from, to),
    getDailyTransactions(member.businessId, from, to),
    getMonthlyTransactionCount(member.businessId, now),
    getBillingStatus(member.businessId),
  ]);
  const plan = plans[billing.plan];
  const sales = summary.transactions.filter((t) => t.type === "sale");
  const salesCount = sales.reduce((sum, t) => sum + t.count, 0);
  const reversals = summary.transactions.filter((t) => t.type !== "sale").reduce((sum, t) => sum + t.count, 0);
  const requests = summary.events.reduce((sum, e) => sum + e.count, 0);
  const lastDay = new Date(to.getTime() - 1);

  return (
    <>
      <PageHeader
        title="Usage"
        description={`What your terminals and apps did through the API, ${formatDate(from)} – ${formatDate(lastDay)} (UTC).`}
        actions={<PeriodPicker current={days} />}
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <Stat label="Sales" value={count.format(salesCount)}>
            {sales.length > 0 ? sales.map((s) => formatMoney(s.totalAmount, s.currency)).join(" · ") : "None in this period"}
          </Stat>
          <Stat label="Refunds and voids" value={count.format(reversals)}>
            {reversals === 0 ? "None in this period" : "Details by currency below"}
          </Stat>
          <Stat label="API requests" value={count.format(requests)}>
            All calls made with your keys
          </Stat>
          <Stat label="Transactions this month" value={count.format(monthTransactions)}>
            <UsageBar label={`${plan.name} plan`} used={monthTransactions} limit={plan.limits.transactionsPerMonth} className="text-xs" alerts={hasRole(member.role, "admin")} />
          </Stat>
        </div>

        <Card>
          <CardHeader title="Sales per day" description="Number of sales recorded each day (UTC). Hover or focus a bar for the amounts." />
          <CardBody>
            {salesCount === 0 ? (
              <EmptyState
                icon={BarChart3}
                title="No transactions yet — send one with your API key"
                description={`Nothing was recorded in the last ${days} days. Terminals record sales with POST /api/pos/transactions.`}
                action={
                  hasRole(member.role, "admin") ? (
                    <Link href="/dashboard/api-keys" className={buttonClasses({ variant: "secondary" })}>
                      Go to API keys
                    </Link>
                  ) : undefined
                }
              />
            ) : (
              <SalesChart data={dailySeries(daily, from, to)} />
            )}
          </CardBody>
        </Card>

        <div className="grid gap-4 lg:grid-cols-2">
          <TransactionTotals totals={summary.transactions} />
          <EventTotals events={summary.events} />
        </div>
      </div>
    </>
  );
}

function Stat({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-1 px-4 sm:px-5">
        <p className="text-sm font-medium text-zinc-600">{label}</p>
        <p className="text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</p>
        <div className="text-xs text-zinc-600">{children}</div>
      </CardBody>
    </Card>
  );
}

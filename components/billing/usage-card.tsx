import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { UsageBar } from "@/components/ui/progress";
import type { BillingUsage } from "@/lib/billing/usage";

const fmt = new Intl.NumberFormat("en-US");

export function UsageCard({ usage }: { usage: Pick<BillingUsage, "limits" | "usage"> }) {
  const { limits, usage: used } = usage;
  return (
    <Card>
      <CardHeader title="Usage" description="What this business uses now against its plan's limits. Transactions count this calendar month (UTC)." />
      <CardBody className="space-y-4">
        <UsageBar label="API keys" used={used.apiKeys} limit={limits.apiKeys} />
        <UsageBar label="POS terminals" used={used.terminals} limit={limits.terminals} />
        <UsageBar label="Transactions this month" used={used.transactionsThisMonth} limit={limits.transactionsPerMonth} />
        <p className="text-sm text-zinc-600">
          {limits.creditsPerMonth > 0 ? `${fmt.format(limits.creditsPerMonth)} credits included every month.` : "No monthly credits on this plan."}
        </p>
      </CardBody>
    </Card>
  );
}

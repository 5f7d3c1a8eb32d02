import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { UsageBar } from "@/components/ui/progress";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { plans } from "@/lib/billing/plans";
import { getOverview } from "@/lib/business/queries";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { member } = await requireMember();
  const overview = await getOverview(member.businessId);
  const plan = plans[overview.billing.plan];
  const isAdmin = hasRole(member.role, "admin");

  return (
    <>
      <PageHeader title={overview.business.name} description={`Business ID ${overview.business.slug} · you are ${member.role}`} />
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader title="Plan" />
          <CardBody>
            <div className="flex items-center gap-2">
              <span className="text-2xl font-semibold">{plan.name}</span>
              <StatusBadge status={overview.billing.status} />
            </div>
            {isAdmin && (
              <Link href="/dashboard/billing" className="mt-3 inline-block text-sm text-accent-700 hover:underline">
                See billing
              </Link>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Team" />
          <CardBody>
            <div className="text-2xl font-semibold">{overview.members}</div>
            <p className="text-sm text-zinc-600">
              {overview.members === 1 ? "member" : "members"}
              {overview.pendingInvitations > 0 && ` · ${overview.pendingInvitations} invitation(s) pending`}
            </p>
            {isAdmin && (
              <Link href="/dashboard/team" className="mt-3 inline-block text-sm text-accent-700 hover:underline">
                Invite staff
              </Link>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Plan limits" />
          <CardBody className="space-y-3">
            <UsageBar label="API keys" used={overview.billing.usage.apiKeys} limit={plan.limits.apiKeys} />
            <UsageBar label="POS terminals" used={overview.billing.usage.terminals} limit={plan.limits.terminals} />
            <UsageBar label="Transactions this month" used={overview.billing.usage.transactionsThisMonth} limit={plan.limits.transactionsPerMonth} />
          </CardBody>
        </Card>
      </div>

      <Card className="mt-4">
        <CardHeader title="Recent activity" description="What happened in this business, newest first." />
        <CardBody>
          {overview.recentActivity.length === 0 ? (
            <p className="text-sm text-zinc-600">Nothing yet.</p>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {overview.recentActivity.map((entry) => (
                <li key={entry.id} className="flex justify-between gap-4 py-2 text-sm">
                  <span>{entry.description}</span>
                  <time className="shrink-0 text-zinc-500" dateTime={entry.createdAt.toISOString()}>
                    {formatDateTime(entry.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </>
  );
}

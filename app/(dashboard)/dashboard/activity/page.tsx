import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFilters, type ActivityFilterValues } from "@/components/activity/activity-filters";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { describeDevice } from "@/lib/audit/sign-in-device";
import { auditActions } from "@/lib/audit/describe-audit-entry";
import { listAuditActors, listAuditLog } from "@/lib/audit/list-audit-log";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Activity" };

const actionOptions = Object.entries(auditActions)
  .map(([code, phrase]) => ({ code, label: phrase.label }))
  .sort((a, b) => a.label.localeCompare(b.label));

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const raw = await searchParams;
  const pick = (name: string) => (typeof raw[name] === "string" && raw[name] ? (raw[name] as string) : undefined);
  const values: ActivityFilterValues = { actor: pick("actor"), action: pick("action"), from: pick("from"), to: pick("to") };
  const parsed = auditLogQuerySchema.safeParse({ ...values, before: pick("before"), limit: 50 });
  const query = parsed.success ? parsed.data : auditLogQuerySchema.parse({ limit: 50 });
  const [log, actors] = await Promise.all([
    listAuditLog(member.businessId, query).catch(() => ({ entries: [], nextCursor: null })),
    listAuditActors(member.businessId),
  ]);
  const filters = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const csvHref = `/api/audit-log?${new URLSearchParams([...filters, ["format", "csv"]])}`;
  const olderHref = log.nextCursor ? `/dashboard/activity?${new URLSearchParams([...filters, ["before", log.nextCursor]])}` : null;

  return (
    <>
      <PageHeader title="Activity" description="Who did what in this business, and from where: sign-ins, team, keys, billing, integrations, webhooks and settings." />
      <Card>
        <ActivityFilters values={values} actors={actors} actions={actionOptions} csvHref={csvHref} />
        {!parsed.success && <p role="alert" className="border-b border-red-200 bg-red-50 px-5 py-2 text-red-800">Those filters are not valid; showing everything.</p>}
        {log.entries.length === 0 ? (
          <EmptyState icon={History} title="No activity matches" description="Change or clear the filters. New actions appear here as they happen." />
        ) : (
          <ol className="divide-y divide-zinc-100" aria-label="Activity">
            {log.entries.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-1 px-5 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4" data-testid="activity-entry">
                <div className="min-w-0">
                  <p className="break-words text-zinc-900">{entry.description}</p>
                  {(entry.ipAddress || entry.userAgent) && (
                    <p className="mt-0.5 text-xs text-zinc-500">
                      {[entry.ipAddress, entry.userAgent ? describeDevice(entry.userAgent) : null].filter(Boolean).join(" · ")}
                    </p>
                  )}
                </div>
                <time className="shrink-0 text-xs text-zinc-500 sm:text-sm" dateTime={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
        {olderHref && (
          <div className="border-t border-zinc-200 px-5 py-3">
            <Link href={olderHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Older entries
            </Link>
          </div>
        )}
      </Card>
    </>
  );
}

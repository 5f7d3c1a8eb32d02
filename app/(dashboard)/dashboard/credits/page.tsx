import { BarChart3, Hourglass, Store } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BuyTopupForm } from "@/components/credits/buy-topup-form";
import { CreditsChart } from "@/components/credits/credits-chart";
import { LedgerTable } from "@/components/credits/ledger-table";
import { OrderStatus } from "@/components/credits/order-status";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { creditPacks, type CreditPack } from "@/lib/billing/plans";
import { dailyCreditsUsed, listLedger, listOpenReservations, listShopifyDeliveries } from "@/lib/credits/credits-page";
import { getCreditSummary } from "@/lib/credits/read-credits";
import { ledgerQuerySchema } from "@/lib/credits/schemas";
import { formatDate, formatDateTime } from "@/lib/format";
import { isPaynowConfigured } from "@/lib/payments/paynow/config";
import { isStripeConfigured } from "@/lib/payments/stripe/client";

export const metadata: Metadata = { title: "Credits" };

const count = new Intl.NumberFormat("en-US");
type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Credits: balance by bucket, usage per day, open holds, the ledger (filter + CSV), top-ups (owner) and store deliveries.
export default async function CreditsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { member } = await requireMember();
  const search = await searchParams;
  const parsed = ledgerQuerySchema.safeParse({ kind: one(search.kind), from: one(search.from), to: one(search.to) });
  const filter = parsed.success ? parsed.data : {};
  const businessId = member.businessId;
  const [summary, daily, holds, ledger, deliveries] = await Promise.all([
    getCreditSummary(businessId),
    dailyCreditsUsed(businessId),
    listOpenReservations(businessId),
    listLedger(businessId, filter),
    listShopifyDeliveries(businessId),
  ]);
  const isOwner = hasRole(member.role, "owner");
  const orderId = one(search.order);
  const usedTotal = daily.reduce((sum, d) => sum + d.used, 0);

  return (
    <>
      <PageHeader
        title="Credits"
        description="Prepaid credits your apps spend on metered jobs (1 credit = 5 seconds). Plan credits are used first and expire at the end of each paid period; top-up credits never expire."
      />
      {orderId && <OrderStatus orderId={orderId} canceled={one(search.canceled) === "1"} />}
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <Stat label="Available" value={count.format(summary.available)} testId="credits-available">
            {count.format(summary.balance)} in total, {count.format(summary.reserved)} held by running jobs
          </Stat>
          <Stat label="Plan credits" value={count.format(summary.buckets.plan.balance)} testId="credits-plan">
            {summary.cycle ? `This period: ${formatDate(summary.cycle.start)} – ${formatDate(summary.cycle.end)}` : "No paid period with credits"}
          </Stat>
          <Stat label="Top-up credits" value={count.format(summary.buckets.topup.balance)} testId="credits-topup">
            Do not expire
          </Stat>
          <Stat label="Used, last 30 days" value={count.format(usedTotal)}>
            Charged when jobs complete
          </Stat>
        </div>

        {isOwner ? (
          <Card>
            <CardHeader title="Buy a top-up" description="Pay by mobile money or card; the credits are added as soon as the payment is confirmed, and a receipt is emailed." />
            <CardBody>
              <BuyTopupForm
                packs={(Object.keys(creditPacks).map(Number) as CreditPack[]).map((pack) => ({ pack, prices: creditPacks[pack].prices }))}
                cardEnabled={isStripeConfigured()}
                mobileMoneyEnabled={isPaynowConfigured()}
              />
            </CardBody>
          </Card>
        ) : (
          <p className="text-sm text-zinc-600">Only the owner can buy top-ups. You can see balances and history here.</p>
        )}

        <Card>
          <CardHeader title="Credits used per day" description="Credits charged by completed jobs each day (UTC), last 30 days." />
          <CardBody>
            {usedTotal === 0 ? (
              <EmptyState icon={BarChart3} title="No credits used yet" description="Apps reserve credits with POST /api/v1/jobs and are charged when they complete the job." />
            ) : (
              <CreditsChart data={daily} />
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Running jobs" description="Open holds: released by complete, cancel, or by themselves when they expire." />
          {holds.length === 0 ? (
            <EmptyState icon={Hourglass} title="No credits are held right now" />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Task</TH>
                  <TH className="text-right">Credits held</TH>
                  <TH>Started</TH>
                  <TH>Expires</TH>
                </TR>
              </THead>
              <TBody>
                {holds.map((h) => (
                  <TR key={h.id}>
                    <TD className="font-mono text-xs">{h.id}</TD>
                    <TD className="text-right tabular-nums">{count.format(h.credits)}</TD>
                    <TD>{formatDateTime(h.createdAt)}</TD>
                    <TD>{formatDateTime(h.expiresAt)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader title="Ledger" description="Every change of your credits, newest first. Times in UTC." />
          {!parsed.success && <p className="px-5 pb-2 text-sm text-red-700">Those filters are not valid; showing everything.</p>}
          <LedgerTable entries={ledger.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))} filter={filter} />
        </Card>

        <Card>
          <CardHeader title="Store purchases" description="Credits bought through the Tangabiz Shopify store and matched to this business." />
          {deliveries.length === 0 ? (
            <EmptyState icon={Store} title="No store purchases matched to this business" description="Orders paid in the store with your billing or owner email are credited here." />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Received</TH>
                  <TH>Order</TH>
                  <TH>Status</TH>
                  <TH className="text-right">Credits</TH>
                  <TH>Note</TH>
                </TR>
              </THead>
              <TBody>
                {deliveries.map((d) => (
                  <TR key={d.id}>
                    <TD>{formatDateTime(d.receivedAt)}</TD>
                    <TD className="font-mono text-xs">{d.shopifyOrderId ?? "—"}</TD>
                    <TD>
                      <StatusBadge status={d.status} />
                    </TD>
                    <TD className="text-right tabular-nums">{count.format(d.creditsGranted)}</TD>
                    <TD className="text-xs text-zinc-600">{d.error ?? ""}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}

function Stat({ label, value, children, testId }: { label: string; value: string; children: ReactNode; testId?: string }) {
  return (
    <Card>
      <CardBody className="space-y-1 px-4 sm:px-5">
        <p className="text-sm font-medium text-zinc-600">{label}</p>
        <p className="text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums" data-testid={testId}>
          {value}
        </p>
        <div className="text-xs text-zinc-600">{children}</div>
      </CardBody>
    </Card>
  );
}

import type { Metadata } from "next";
import { PaynowInvoices } from "@/components/billing/paynow-invoices";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { planOrder, plans, UNLIMITED } from "@/lib/billing/plans";
import { getOverview } from "@/lib/business/queries";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Billing" };

const limit = (value: number) => (value === UNLIMITED ? "Unlimited" : value.toLocaleString("en-US"));

export default async function BillingPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const { subscription } = await getOverview(member.businessId);
  const current = subscription?.plan ?? "free";

  return (
    <>
      <PageHeader title="Billing" description="Your plan and what it includes." />
      <Card className="mb-6">
        <CardHeader title="Current plan" />
        <CardBody className="flex items-center gap-3">
          <span className="text-2xl font-semibold">{plans[current].name}</span>
          {subscription && <StatusBadge status={subscription.status} />}
        </CardBody>
        <CardBody className="border-t border-zinc-100 text-sm text-zinc-600">
          Paying by card (Stripe) or mobile money (Paynow) is not switched on for this installation yet, so plans
          cannot be changed from here.
        </CardBody>
      </Card>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {planOrder.map((id) => {
          const plan = plans[id];
          return (
            <Card key={id} className={id === current ? "ring-2 ring-accent-600" : undefined}>
              <CardHeader title={plan.name} description={id === current ? "Your plan" : undefined} />
              <CardBody className="space-y-2 text-sm">
                <p className="text-xl font-semibold">
                  {formatMoney(plan.prices.USD, "USD")}
                  <span className="text-sm font-normal text-zinc-500"> / month</span>
                </p>
                <ul className="space-y-1 text-zinc-700">
                  <li>{limit(plan.limits.apiKeys)} API keys</li>
                  <li>{limit(plan.limits.terminals)} POS terminals</li>
                  <li>{limit(plan.limits.transactionsPerMonth)} transactions / month</li>
                  <li>{limit(plan.limits.requestsPerHourPerKey)} API requests / hour / key</li>
                  <li>{limit(plan.limits.creditsPerMonth)} credits / month</li>
                </ul>
              </CardBody>
            </Card>
          );
        })}
      </div>
      <PaynowInvoices businessId={member.businessId} canPay={member.role === "owner"} currentPlan={current} />
    </>
  );
}

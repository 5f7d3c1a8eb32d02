import type { Metadata } from "next";
import { Suspense } from "react";
import { CheckoutReturn } from "@/components/billing/checkout-return";
import { CurrentPlanCard } from "@/components/billing/current-plan-card";
import { InvoiceList } from "@/components/billing/invoice-list";
import { InvoiceTimeline } from "@/components/billing/invoice-timeline";
import { RenewalWalletToggle } from "@/components/billing/renewal-wallet-toggle";
import { PlanPicker, type PlanOption } from "@/components/billing/plan-picker";
import { PaynowInvoices } from "@/components/billing/paynow-invoices";
import { ProviderNotices } from "@/components/billing/provider-notices";
import { UsageCard } from "@/components/billing/usage-card";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { listInvoices } from "@/lib/billing/invoices";
import { getInvoiceTimeline } from "@/lib/billing/invoice-timeline";
import { getRenewalWallet } from "@/lib/billing/renewal-wallet";
import { isPaidPlan, planOrder, plans, UNLIMITED } from "@/lib/billing/plans";
import { stripePriceIdForPlan } from "@/lib/payments/stripe/prices";
import { getBillingUsage } from "@/lib/billing/usage";
import { formatDate, formatMoney } from "@/lib/format";
import { isPaynowConfigured } from "@/lib/payments/paynow/config";
import { isStripeConfigured } from "@/lib/payments/stripe/client";

export const metadata: Metadata = { title: "Billing" };

const count = (value: number, noun: string) => `${value === UNLIMITED ? "Unlimited" : value.toLocaleString("en-US")} ${noun}`;

const planOptions: () => PlanOption[] = () =>
  planOrder.map((id) => {
    const { name, limits, prices } = plans[id];
    return {
      id,
      name,
      price: formatMoney(prices.USD, "USD"),
      priceCents: prices.USD,
      cardAvailable: isPaidPlan(id) && Boolean(stripePriceIdForPlan(id)),
      features: [
        count(limits.apiKeys, limits.apiKeys === 1 ? "API key" : "API keys"),
        count(limits.terminals, limits.terminals === 1 ? "POS terminal" : "POS terminals"),
        count(limits.transactionsPerMonth, "transactions / month"),
        count(limits.requestsPerHourPerKey, "API requests / hour / key"),
        limits.creditsPerMonth ? count(limits.creditsPerMonth, "credits / month") : "No monthly credits",
      ],
    };
  });

export default async function BillingPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const [usage, invoices, timeline, renewalWallet] = await Promise.all([
    getBillingUsage(member.businessId),
    listInvoices(member.businessId),
    getInvoiceTimeline(member.businessId),
    getRenewalWallet(member.businessId),
  ]);
  const canManage = hasRole(member.role, "owner");
  const cardConfigured = isStripeConfigured();
  const mobileMoneyConfigured = isPaynowConfigured();
  const plan = plans[usage.plan];
  const periodEndLabel = usage.currentPeriodEnd ? formatDate(usage.currentPeriodEnd) : null;
  const options = planOptions();

  return (
    <>
      <PageHeader title="Billing" description="Your plan, what it includes, and every invoice and payment." />
      <Suspense>
        <CheckoutReturn currentPlan={usage.plan} planNames={Object.fromEntries(options.map((o) => [o.id, o.name]))} />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-2">
        <CurrentPlanCard
          planName={plan.name}
          price={formatMoney(plan.prices.USD, "USD")}
          status={usage.status}
          provider={usage.provider}
          isFree={usage.plan === "free"}
          cancelAtPeriodEnd={usage.cancelAtPeriodEnd}
          periodEndLabel={periodEndLabel}
          canManage={canManage}
          cardConfigured={cardConfigured}
        />
        <UsageCard usage={usage} />
      </div>
      {(timeline || renewalWallet.eligible || renewalWallet.enabled) && (
        <div className="mt-4 space-y-4">
          {timeline && <InvoiceTimeline timeline={timeline} canPay={canManage} />}
          {(renewalWallet.eligible || renewalWallet.enabled) && usage.provider !== "stripe" && (
            <RenewalWalletToggle initial={renewalWallet} canManage={canManage} />
          )}
        </div>
      )}

      <section id="plans" aria-labelledby="plans-heading" className="mt-8 scroll-mt-20">
        <h2 id="plans-heading" className="mb-1 text-base font-semibold text-zinc-900">
          Plans
        </h2>
        <p className="mb-4 text-sm text-zinc-600">
          {canManage ? "Prices in US dollars per month. Upgrades and downgrades are prorated." : "Only owners can change the plan."}
        </p>
        <ProviderNotices
          state={{
            card: { configured: cardConfigured, plansWithoutPrice: options.filter((o) => o.id !== "free" && !o.cardAvailable).map((o) => o.name) },
            mobileMoney: { configured: mobileMoneyConfigured },
          }}
        />
        <PlanPicker
          plans={options}
          currentPlan={usage.plan}
          canManage={canManage}
          cardConfigured={cardConfigured}
          mobileMoneyConfigured={mobileMoneyConfigured}
          hasCardSubscription={usage.provider === "stripe"}
          cancelAtPeriodEnd={usage.cancelAtPeriodEnd}
          periodEndLabel={periodEndLabel}
        />
      </section>

      <PaynowInvoices
        businessId={member.businessId}
        canPay={member.role === "owner"}
        currentPlan={usage.plan}
        cardBilling={usage.provider === "stripe" && usage.plan !== "free" ? (usage.cancelAtPeriodEnd ? "ending" : "live") : null}
        cardPeriodEndLabel={periodEndLabel}
      />

      <section aria-label="Invoices and payments" className="mt-8">
        <InvoiceList invoices={invoices} />
      </section>
    </>
  );
}

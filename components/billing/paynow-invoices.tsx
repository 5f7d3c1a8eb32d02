import Link from "next/link";
import { Smartphone } from "lucide-react";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listOwnInvoices } from "@/lib/billing/own-invoices";
import { plans } from "@/lib/billing/plans";
import { formatDate, formatMoney } from "@/lib/format";
import type { Plan } from "@/lib/generated/prisma/enums";
import { isPaynowConfigured } from "@/lib/payments/paynow/config";
import { PaynowPlanPicker } from "./paynow-plan-picker";

// The billing page's mobile-money section: our own invoices still waiting for payment with a Pay link, and
// (for owners, when Paynow is set up) a way to open an invoice for a plan. Paid ones are in the invoice list.
// cardBilling: "live" while a card subscription renews (mobile money would pay the same period twice),
// "ending" once it is cancelled at period end (a mobile-money invoice starts when the card period ends).
export async function PaynowInvoices({
  businessId,
  canPay,
  currentPlan,
  cardBilling = null,
  cardPeriodEndLabel = null,
}: {
  businessId: string;
  canPay: boolean;
  currentPlan: string;
  cardBilling?: "live" | "ending" | null;
  cardPeriodEndLabel?: string | null;
}) {
  const enabled = isPaynowConfigured();
  const invoices = (await listOwnInvoices(businessId)).filter((invoice) => invoice.status === "open");
  if (!enabled && invoices.length === 0) return null;

  return (
    <Card className="mt-6">
      <CardHeader
        title="Mobile money"
        description="Pay a month at a time with EcoCash, OneMoney, InnBucks or a card through Paynow."
        action={enabled && canPay && cardBilling !== "live" ? <PaynowPlanPicker currentPlan={currentPlan} /> : undefined}
      />
      {enabled && cardBilling && (
        <CardBody role="note" className="border-b border-zinc-100 text-sm text-amber-900">
          {cardBilling === "live"
            ? `This business pays by card${cardPeriodEndLabel ? ` until ${cardPeriodEndLabel}` : ""}. To switch to mobile money, cancel card billing first (Current plan, above): it stops at the end of the paid period and a mobile-money invoice starts from then, so no period is paid twice.`
            : `Card billing stops on ${cardPeriodEndLabel ?? "the end of the paid period"}. A mobile-money invoice you open now starts from that day.`}
        </CardBody>
      )}
      {invoices.length === 0 ? (
        <CardBody className="flex items-center gap-3 text-sm text-zinc-600">
          <Smartphone aria-hidden className="size-5 shrink-0 text-zinc-400" />
          Nothing waiting for payment. Choose a plan to get an invoice with a pay link that also works on a phone.
        </CardBody>
      ) : (
        <Table aria-label="Invoices waiting for payment">
          <THead>
            <tr>
              <TH>Invoice</TH>
              <TH>Plan</TH>
              <TH className="text-right">Amount</TH>
              <TH>Status</TH>
              <TH>Due / paid</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {invoices.map((invoice) => (
              <TR key={invoice.id}>
                <TD className="font-medium whitespace-nowrap">{invoice.number}</TD>
                <TD>{invoice.plan ? plans[invoice.plan as Plan].name : "—"}</TD>
                <TD className="text-right tabular-nums">{formatMoney(invoice.totalCents, invoice.currency)}</TD>
                <TD>
                  <StatusBadge status={invoice.status} />
                </TD>
                <TD className="whitespace-nowrap text-zinc-600">
                  {invoice.paidAt ? `Paid ${formatDate(invoice.paidAt)}` : invoice.dueAt ? `Due ${formatDate(invoice.dueAt)}` : "—"}
                </TD>
                <TD className="text-right">
                  {invoice.payUrl && enabled && canPay && (
                    <Link href={new URL(invoice.payUrl).pathname} className={buttonClasses({ size: "sm" })}>
                      Pay
                    </Link>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {!enabled && <CardBody className="border-t border-zinc-100 text-sm text-zinc-600">Mobile money is not set up on this installation.</CardBody>}
    </Card>
  );
}

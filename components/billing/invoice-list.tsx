import { ExternalLink, FileDown, Receipt } from "lucide-react";
import { Badge, StatusBadge, statusTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { InvoiceSummary } from "@/lib/billing/schemas";
import { formatDate, formatMoney } from "@/lib/format";

const providerLabel: Record<string, string> = { stripe: "Card", paynow: "Mobile money", cvt: "CVT", none: "—" };

function Payments({ invoice }: { invoice: InvoiceSummary }) {
  if (invoice.payments.length === 0) return <span className="text-zinc-500">No payment yet</span>;
  return (
    <ol className="flex flex-wrap gap-1.5" aria-label={`Payments of invoice ${invoice.number}`}>
      {[...invoice.payments].reverse().map((payment) => (
        <li key={payment.id}>
          <Badge tone={statusTone(payment.status)} title={payment.failureReason ?? undefined}>
            {payment.method === "card" ? "Card" : (payment.method ?? providerLabel[payment.provider] ?? payment.provider)} ·{" "}
            {payment.status} · {formatDate(payment.paidAt ?? payment.createdAt)}
          </Badge>
        </li>
      ))}
    </ol>
  );
}

function Links({ invoice }: { invoice: InvoiceSummary }) {
  const link = buttonClasses({ variant: "ghost", size: "sm" });
  return (
    <div className="flex flex-wrap gap-1 sm:justify-end">
      {invoice.payUrl && (
        <a href={invoice.payUrl} className={buttonClasses({ size: "sm" })}>
          Pay now
        </a>
      )}
      {invoice.hostedUrl && (
        <a href={invoice.hostedUrl} target="_blank" rel="noreferrer" className={link}>
          {invoice.status === "open" ? "Pay invoice" : "View"}
          <ExternalLink aria-hidden className="size-3.5" />
          <span className="sr-only">invoice {invoice.number} (opens in a new tab)</span>
        </a>
      )}
      {invoice.pdfUrl && (
        <a href={invoice.pdfUrl} target="_blank" rel="noreferrer" className={link}>
          <FileDown aria-hidden className="size-3.5" />
          PDF<span className="sr-only"> of invoice {invoice.number}</span>
        </a>
      )}
    </div>
  );
}

// Invoices with their payments; a table on wide screens, stacked rows on phones.
export function InvoiceList({ invoices }: { invoices: InvoiceSummary[] }) {
  return (
    <Card>
      <CardHeader title="Invoices and payments" description="Every invoice of this business, newest first, with each payment attempt." />
      {invoices.length === 0 ? (
        <EmptyState
          icon={Receipt}
          title="No invoices yet"
          description="When you pay for a plan, its invoices and receipts appear here, with a link to each one and its PDF."
          action={
            <a href="#plans" className={buttonClasses({ variant: "secondary", size: "sm" })}>
              See plans
            </a>
          }
        />
      ) : (
        <div role="table" aria-label="Invoices" className="divide-y divide-zinc-200">
          <div role="row" className="hidden gap-4 bg-zinc-50 px-5 py-2.5 text-xs font-medium text-zinc-600 md:grid md:grid-cols-[9rem_7rem_7rem_6rem_1fr_auto]">
            <span role="columnheader">Invoice</span>
            <span role="columnheader">Date</span>
            <span role="columnheader" className="text-right">Amount</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Payments</span>
            <span role="columnheader" className="sr-only">Links</span>
          </div>
          {invoices.map((invoice) => (
            <div role="row" key={invoice.id} className="grid grid-cols-2 items-center gap-x-4 gap-y-2 px-5 py-3 text-sm md:grid-cols-[9rem_7rem_7rem_6rem_1fr_auto]">
              <div role="cell" className="min-w-0">
                <div className="truncate font-medium text-zinc-900">{invoice.number}</div>
                <div className="text-xs text-zinc-500">{providerLabel[invoice.provider] ?? invoice.provider}</div>
              </div>
              <div role="cell" className="text-right text-zinc-700 md:text-left">
                {formatDate(invoice.issuedAt ?? invoice.createdAt)}
              </div>
              <div role="cell" className="font-medium tabular-nums md:text-right">
                {formatMoney(invoice.totalCents, invoice.currency)}
              </div>
              <div role="cell" className="text-right md:text-left">
                <StatusBadge status={invoice.status} />
              </div>
              <div role="cell" className="col-span-2 md:col-span-1">
                <Payments invoice={invoice} />
              </div>
              <div role="cell" className="col-span-2 md:col-span-1">
                <Links invoice={invoice} />
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

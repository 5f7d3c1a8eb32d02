import type { Invoice, Prisma } from "@/lib/generated/prisma/client";
import { completeOrder } from "./complete-order";
import { planPeriodCredits, recordPaidPeriods } from "./plan-credits";
import { queryFromTx } from "./sql";

type PaidInvoice = Pick<Invoice, "id" | "businessId" | "status" | "plan" | "periodStart" | "periodEnd" | "provider">;

// Called in the transaction that marks an invoice paid (Stripe invoice.paid, Paynow settlement): a plan
// invoice grants its period's credits once; an invoice that pays a top-up order completes the order.
export async function grantCreditsForPaidInvoice(tx: Prisma.TransactionClient, invoiceId: string, now = new Date()): Promise<{ completedOrders: number }> {
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, businessId: true, status: true, plan: true, periodStart: true, periodEnd: true, provider: true },
  });
  return invoice ? grantCreditsForPaidInvoices(tx, [invoice], now) : { completedOrders: 0 };
}

// The same for invoices the caller has just marked paid (a billing run's batch): one INSERT for their periods.
// Answers how many top-up orders this call completed: each has queued its own receipt.
export async function grantCreditsForPaidInvoices(tx: Prisma.TransactionClient, invoices: PaidInvoice[], now = new Date()): Promise<{ completedOrders: number }> {
  const paid = invoices.filter((invoice) => invoice.status === "paid");
  const periods = paid.flatMap((invoice) =>
    invoice.plan && invoice.periodStart && invoice.periodEnd
      ? [
          {
            businessId: invoice.businessId,
            periodStart: invoice.periodStart,
            periodEnd: invoice.periodEnd,
            credits: planPeriodCredits(invoice.plan),
            source: invoice.provider,
            invoiceId: invoice.id,
          },
        ]
      : [],
  );
  await recordPaidPeriods(queryFromTx(tx), periods, now);
  let completedOrders = 0;
  for (const invoice of paid) {
    if (invoice.plan && invoice.periodStart && invoice.periodEnd) continue;
    const order = await tx.order.findUnique({ where: { invoiceId: invoice.id }, select: { id: true } });
    if (order && (await completeOrder(tx, order.id, now))) completedOrders++;
  }
  return { completedOrders };
}

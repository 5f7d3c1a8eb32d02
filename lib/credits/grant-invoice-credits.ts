import type { Prisma } from "@/lib/generated/prisma/client";
import { completeOrder } from "./complete-order";
import { planPeriodCredits, recordPaidPeriod } from "./plan-credits";
import { queryFromTx } from "./sql";

// Called in the transaction that marks an invoice paid (Stripe invoice.paid, Paynow settlement): a plan
// invoice grants its period's credits once; an invoice that pays a top-up order completes the order.
export async function grantCreditsForPaidInvoice(tx: Prisma.TransactionClient, invoiceId: string, now = new Date()) {
  const invoice = await tx.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, businessId: true, status: true, plan: true, periodStart: true, periodEnd: true, provider: true },
  });
  if (!invoice || invoice.status !== "paid") return;
  if (invoice.plan && invoice.periodStart && invoice.periodEnd) {
    await recordPaidPeriod(
      queryFromTx(tx),
      {
        businessId: invoice.businessId,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        credits: planPeriodCredits(invoice.plan),
        source: invoice.provider,
        invoiceId: invoice.id,
      },
      now,
    );
    return;
  }
  const order = await tx.order.findUnique({ where: { invoiceId: invoice.id }, select: { id: true } });
  if (order) await completeOrder(tx, order.id, now);
}

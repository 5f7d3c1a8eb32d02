import PaymentReceivedEmail, { type PaymentReceivedEmailProps } from "@/emails/payment-received";
import ReactivationConfirmationEmail from "@/emails/reactivation-confirmation";
import { queueEmail, queueRenderedEmails, type RenderedEmail } from "@/lib/email/queue-email";
import { renderFromTemplate } from "@/lib/email/render-from-template";
import { env } from "@/lib/env";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { Invoice, Payment, Prisma } from "@/lib/generated/prisma/client";
import { grantCreditsForPaidInvoices } from "@/lib/credits/grant-invoice-credits";
import { emitInvoiceEvent, emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";
import { businessesSubscribedTo } from "@/lib/webhooks-out/emit-event";
import { extendSubscriptionsForPayments } from "./extend-subscription";
import { plans } from "./plans";
import { billingRecipient, billingRecipients } from "./queue-billing-notice";

type Tx = Prisma.TransactionClient;

// A renewal invoice (opened by the billing run) buys exactly the period written on it.
export function renewalPeriodOf(invoice: Pick<Invoice, "subscriptionId" | "periodStart" | "periodEnd">) {
  if (!invoice.subscriptionId || !invoice.periodStart || !invoice.periodEnd) return undefined;
  return { periodStart: invoice.periodStart, periodEnd: invoice.periodEnd };
}

export async function queueReactivationEmail(tx: Tx, invoice: Invoice, paidUntil: Date) {
  const recipient = await billingRecipient(tx, invoice.businessId);
  if (!recipient.to) return;
  await queueEmail(tx, {
    template: "reactivation-confirmation",
    to: recipient.to,
    businessId: invoice.businessId,
    subject: `${recipient.businessName} is active again`,
    body: ReactivationConfirmationEmail({
      businessName: recipient.businessName,
      invoiceNumber: invoice.number,
      amount: formatMoney(invoice.totalCents, invoice.currency),
      planName: invoice.plan ? plans[invoice.plan].name : "Tangabiz",
      paidUntil: formatDateTime(paidUntil),
      dashboardUrl: new URL("/dashboard", env.APP_URL).toString(),
    }),
  });
}

export type InvoiceSettlement = "paid" | "flagged";

export interface InvoicePayment {
  invoiceId: string;
  // Recorded as paid by the caller, in this transaction.
  payment: Payment;
  // How the receipt names the way it was paid.
  methodLabel: string;
}

// Marks open invoices paid by payments that have just been recorded as paid (CVT charges), extends each
// subscription by its invoice's period and queues the receipts (and the reactivation notice after a
// suspension), all inside the payments' transaction, with a few set-based queries for a whole batch.
// An invoice that is no longer open (voided, or paid another way) leaves its payment flagged for a person:
// the money is never silently lost.
export async function settleInvoicesWithPayments(tx: Tx, items: InvoicePayment[], now: Date): Promise<InvoiceSettlement[]> {
  if (items.length === 0) return [];
  const settled = new Map(
    (
      await tx.$queryRaw<Invoice[]>`
        UPDATE "Invoice" i SET status = 'paid', "paidAt" = ${now}, "amountPaidCents" = i."amountPaidCents" + v.amount, "amountDueCents" = 0,
          "updatedAt" = ${now}
        FROM unnest(${items.map((item) => item.invoiceId)}::text[], ${items.map((item) => item.payment.amountCents)}::int[]) AS v(id, amount)
        WHERE i.id = v.id AND i.status = 'open'
        RETURNING i.*`
    ).map((invoice) => [invoice.id, invoice]),
  );
  for (const item of items) if (!settled.has(item.invoiceId)) await flagPaymentOfClosedInvoice(tx, item.invoiceId, item.payment.id);
  const paid = items.flatMap((item) => {
    const invoice = settled.get(item.invoiceId);
    return invoice ? [{ ...item, invoice }] : [];
  });
  if (paid.length > 0) await announcePaidInvoices(tx, paid, now);
  return items.map((item) => (settled.has(item.invoiceId) ? "paid" : "flagged"));
}

// A payment arrived for an invoice that is no longer open: kept on record, flagged for a person, with the reason.
export async function flagPaymentOfClosedInvoice(tx: Tx, invoiceId: string, paymentId: string) {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { status: true, voidReason: true } });
  const why =
    invoice.status === "void"
      ? `The invoice was voided (${invoice.voidReason ?? "no reason recorded"}) before this payment arrived; refund or credit it.`
      : "The invoice was already settled when this payment arrived; refund or credit it.";
  await tx.payment.update({ where: { id: paymentId }, data: { flaggedForReview: true, failureReason: why } });
}

// What follows an invoice being paid: the paid period, the webhooks (only for businesses with an endpoint for
// them, read once), the period's credits and the receipt.
async function announcePaidInvoices(tx: Tx, paid: (InvoicePayment & { invoice: Invoice })[], now: Date) {
  const businessIds = [...new Set(paid.map(({ invoice }) => invoice.businessId))];
  const subscribers = await businessesSubscribedTo(tx, businessIds, ["invoice.paid", "payment.succeeded", "subscription.updated"]);
  const forPlans = paid.filter(({ invoice }) => invoice.plan);
  const periods = await extendSubscriptionsForPayments(
    tx,
    forPlans.map(({ invoice }) => ({ businessId: invoice.businessId, plan: invoice.plan!, currency: invoice.currency, renewal: renewalPeriodOf(invoice) })),
    now,
    subscribers,
  );
  const paidUntil = new Map(forPlans.map(({ invoice }, index) => [invoice.id, periods[index]]));
  for (const { invoice } of forPlans) {
    const period = paidUntil.get(invoice.id)!;
    if (period.previousStatus === "suspended") await queueReactivationEmail(tx, invoice, period.periodEnd);
  }
  for (const { invoice, payment } of paid) {
    if (!subscribers.has(invoice.businessId)) continue;
    await emitInvoiceEvent(tx, invoice.id, "invoice.paid");
    await emitPaymentEvent(tx, payment.id);
  }
  await grantCreditsForPaidInvoices(tx, paid.map(({ invoice }) => invoice), now);

  const recipients = await billingRecipients(tx, businessIds);
  const receipts: RenderedEmail[] = [];
  for (const { invoice, payment, methodLabel } of paid) {
    const recipient = recipients.get(invoice.businessId);
    if (!recipient?.to) continue;
    const periodEnd = paidUntil.has(invoice.id)
      ? paidUntil.get(invoice.id)!.paidUntil
      : (await tx.subscription.findUnique({ where: { businessId: invoice.businessId }, select: { currentPeriodEnd: true } }))?.currentPeriodEnd;
    // Rendered once per shape and filled in: a billing run settles thousands of CVT charges in a row.
    // The currency is formatted inside the template, so it belongs to the template's shape (its cache key).
    const currency = payment.currency;
    const receipt = (props: Omit<PaymentReceivedEmailProps, "currency">) => PaymentReceivedEmail({ ...props, currency });
    const { html, text } = await renderFromTemplate(`payment-received:${currency}`, receipt, {
      businessName: recipient.businessName,
      invoiceNumber: invoice.number,
      amountCents: payment.amountCents,
      method: methodLabel,
      paidAt: formatDateTime(now),
      reference: payment.providerReference,
      planName: invoice.plan ? plans[invoice.plan].name : null,
      periodEnd: periodEnd ? formatDateTime(periodEnd) : null,
      billingUrl: new URL("/dashboard/billing", env.APP_URL).toString(),
    });
    const amount = formatMoney(payment.amountCents, payment.currency);
    receipts.push({ template: "payment-received", to: recipient.to, businessId: invoice.businessId, subject: `Payment received: ${amount} for ${invoice.number}`, html, text });
  }
  await queueRenderedEmails(tx, receipts);
}

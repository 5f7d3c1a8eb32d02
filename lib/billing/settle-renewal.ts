import PaymentReceivedEmail, { type PaymentReceivedEmailProps } from "@/emails/payment-received";
import ReactivationConfirmationEmail from "@/emails/reactivation-confirmation";
import { queueEmail, queueRenderedEmail } from "@/lib/email/queue-email";
import { renderFromTemplate } from "@/lib/email/render-from-template";
import { env } from "@/lib/env";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { Invoice, Payment, Prisma } from "@/lib/generated/prisma/client";
import { grantCreditsForPaidInvoice } from "@/lib/credits/grant-invoice-credits";
import { emitInvoiceEvent, emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";
import { extendSubscriptionForPayment } from "./extend-subscription";
import { plans } from "./plans";
import { billingRecipient } from "./queue-billing-notice";

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

// Marks an open invoice paid by a payment that has just been recorded as paid (CVT charges), extends the
// subscription by the invoice's period and queues the receipt (and the reactivation notice after a
// suspension), all inside the payment's transaction. An invoice that is no longer open (voided, or paid
// another way) leaves the payment flagged for a person: the money is never silently lost.
export async function settleInvoiceWithPayment(
  tx: Tx,
  { invoiceId, paymentId, methodLabel, payment: known }: { invoiceId: string; paymentId: string; methodLabel: string; payment?: Payment },
  now: Date,
): Promise<InvoiceSettlement> {
  const payment = known ?? (await tx.payment.findUniqueOrThrow({ where: { id: paymentId } }));
  const [settled] = await tx.invoice.updateManyAndReturn({
    where: { id: invoiceId, status: "open" },
    data: { status: "paid", paidAt: now, amountPaidCents: { increment: payment.amountCents }, amountDueCents: 0 },
  });
  const invoice = settled ?? (await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } }));
  if (!settled) {
    const why =
      invoice.status === "void"
        ? `The invoice was voided (${invoice.voidReason ?? "no reason recorded"}) before this payment arrived; refund or credit it.`
        : "The invoice was already settled when this payment arrived; refund or credit it.";
    await tx.payment.update({ where: { id: paymentId }, data: { flaggedForReview: true, failureReason: why } });
    return "flagged";
  }
  let paidUntil: Date | null | undefined;
  if (invoice.plan) {
    const bought = await extendSubscriptionForPayment(
      tx,
      { businessId: invoice.businessId, plan: invoice.plan, currency: invoice.currency, renewal: renewalPeriodOf(invoice) },
      now,
    );
    paidUntil = bought.paidUntil;
    if (bought.previousStatus === "suspended") await queueReactivationEmail(tx, invoice, bought.periodEnd);
  }
  await emitInvoiceEvent(tx, invoice.id, "invoice.paid");
  await emitPaymentEvent(tx, paymentId);
  await grantCreditsForPaidInvoice(tx, invoice.id, now);
  const recipient = await billingRecipient(tx, invoice.businessId);
  if (recipient.to) {
    const amount = formatMoney(payment.amountCents, payment.currency);
    const periodEnd =
      paidUntil !== undefined
        ? paidUntil
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
    await queueRenderedEmail(tx, {
      template: "payment-received",
      to: recipient.to,
      businessId: invoice.businessId,
      subject: `Payment received: ${amount} for ${invoice.number}`,
      html,
      text,
    });
  }
  return "paid";
}

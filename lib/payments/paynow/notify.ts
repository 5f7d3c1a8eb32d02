import PaymentFailedEmail from "@/emails/payment-failed";
import PaymentReceivedEmail from "@/emails/payment-received";
import { billingEmailFor } from "@/lib/billing/billing-email";
import { payUrl } from "@/lib/billing/own-invoices";
import { plans } from "@/lib/billing/plans";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const methodNames: Record<string, string> = { ecocash: "EcoCash", onemoney: "OneMoney", innbucks: "InnBucks", card: "card" };

async function loadForEmail(tx: Tx, paymentId: string) {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { invoice: true, business: { select: { name: true, subscription: { select: { currentPeriodEnd: true } } } } },
  });
  const to = await billingEmailFor(payment.businessId, tx);
  return { payment, to };
}

// Queued inside the transaction that settles the payment, by the caller whose conditional update changed it,
// so each transition queues exactly one email and a rolled-back settlement queues none. Kick the jobs after commit.
export async function queuePaymentReceivedEmail(tx: Tx, paymentId: string) {
  const { payment, to } = await loadForEmail(tx, paymentId);
  if (!to || !payment.invoice) return;
  const { invoice } = payment;
  await queueEmail(tx, {
    template: "payment-received",
    to,
    businessId: payment.businessId,
    subject: `Payment received: ${formatMoney(payment.amountCents, payment.currency)} for ${invoice.number}`,
    body: PaymentReceivedEmail({
      businessName: payment.business.name,
      invoiceNumber: invoice.number,
      amountCents: payment.amountCents,
      currency: payment.currency,
      method: methodNames[payment.method ?? ""] ?? "Paynow",
      paidAt: payment.paidAt ?? new Date(),
      reference: payment.providerReference,
      planName: invoice.plan ? plans[invoice.plan].name : null,
      periodEnd: payment.business.subscription?.currentPeriodEnd ?? null,
      billingUrl: new URL("/dashboard/billing", env.APP_URL).toString(),
    }),
  });
}

export async function queuePaymentFailedEmail(tx: Tx, paymentId: string, failedAt: Date) {
  const { payment, to } = await loadForEmail(tx, paymentId);
  if (!to || !payment.invoice) return;
  const { invoice } = payment;
  await queueEmail(tx, {
    template: "payment-failed",
    to,
    businessId: payment.businessId,
    subject: `Payment of ${formatMoney(payment.amountCents, payment.currency)} for ${invoice.number} did not go through`,
    body: PaymentFailedEmail({
      businessName: payment.business.name,
      invoiceNumber: invoice.number,
      amountCents: payment.amountCents,
      currency: payment.currency,
      method: methodNames[payment.method ?? ""] ?? "Paynow",
      reason: payment.failureReason ?? "",
      failedAt,
      payUrl: invoice.status === "open" && invoice.paymentToken ? payUrl(invoice.paymentToken) : null,
    }),
  });
}

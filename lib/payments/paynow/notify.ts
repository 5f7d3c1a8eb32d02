import PaymentFailedEmail from "@/emails/payment-failed";
import PaymentReceivedEmail from "@/emails/payment-received";
import { billingEmailFor } from "@/lib/billing/billing-email";
import { payUrl } from "@/lib/billing/own-invoices";
import { plans } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { sendEmailNow } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format";

const methodNames: Record<string, string> = { ecocash: "EcoCash", onemoney: "OneMoney", innbucks: "InnBucks", card: "card" };

async function loadForEmail(paymentId: string) {
  const payment = await prisma.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { invoice: true, business: { select: { name: true, subscription: { select: { currentPeriodEnd: true } } } } },
  });
  const to = await billingEmailFor(payment.businessId);
  return { payment, to };
}

// Emails go out after the payment's transaction has committed, once per transition: only the caller whose
// conditional update changed the payment sends. A failure here is logged, never undoes the payment.
export async function notifyPaymentReceived(paymentId: string) {
  try {
    const { payment, to } = await loadForEmail(paymentId);
    if (!to || !payment.invoice) return;
    const amount = formatMoney(payment.amountCents, payment.currency);
    await sendEmailNow({
      template: "payment-received",
      to,
      businessId: payment.businessId,
      subject: `Payment received: ${amount} for ${payment.invoice.number}`,
      body: PaymentReceivedEmail({
        businessName: payment.business.name,
        invoiceNumber: payment.invoice.number,
        amount,
        method: methodNames[payment.method ?? ""] ?? "Paynow",
        paidAt: formatDateTime(payment.paidAt ?? new Date()),
        planName: payment.invoice.plan ? plans[payment.invoice.plan].name : null,
        periodEnd: payment.business.subscription?.currentPeriodEnd ? formatDate(payment.business.subscription.currentPeriodEnd) : null,
        billingUrl: new URL("/dashboard/billing", env.APP_URL).toString(),
      }),
    });
  } catch (error) {
    console.error(`payment-received email for ${paymentId} failed:`, (error as Error).message);
  }
}

export async function notifyPaymentFailed(paymentId: string) {
  try {
    const { payment, to } = await loadForEmail(paymentId);
    if (!to || !payment.invoice) return;
    const amount = formatMoney(payment.amountCents, payment.currency);
    const token = payment.invoice.status === "open" ? payment.invoice.paymentToken : null;
    await sendEmailNow({
      template: "payment-failed",
      to,
      businessId: payment.businessId,
      subject: `Payment of ${amount} for ${payment.invoice.number} did not go through`,
      body: PaymentFailedEmail({
        businessName: payment.business.name,
        invoiceNumber: payment.invoice.number,
        amount,
        method: methodNames[payment.method ?? ""] ?? "Paynow",
        reason: payment.failureReason ?? "",
        payUrl: token ? payUrl(token) : null,
      }),
    });
  } catch (error) {
    console.error(`payment-failed email for ${paymentId} failed:`, (error as Error).message);
  }
}

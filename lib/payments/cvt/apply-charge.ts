import { emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";
import PaymentFailedEmail from "@/emails/payment-failed";
import { payUrl } from "@/lib/billing/own-invoices";
import { billingRecipient } from "@/lib/billing/queue-billing-notice";
import { settleInvoiceWithPayment } from "@/lib/billing/settle-renewal";
import { queueEmail } from "@/lib/email/queue-email";
import { formatMoney } from "@/lib/format";
import type { Invoice, Prisma } from "@/lib/generated/prisma/client";
import { cvtChargeIdempotencyKey } from "./client";

type Tx = Prisma.TransactionClient;

export type ChargeOutcome = "paid" | "failed" | "pending" | "flagged" | "duplicate";

export interface ChargeReport {
  chargeId: string | null;
  status: string;
  errorMessage?: string | null;
}

export const SUCCEEDED = new Set(["succeeded", "paid"]);
const FAILED = new Set(["failed", "declined", "canceled"]);

// The payment that stands for an invoice's CVT charge, created before the charge is sent (so CVT's webhook
// always finds it) and keyed by the same value CVT deduplicates on.
export async function ensureCvtPayment(tx: Tx, invoice: Pick<Invoice, "id" | "businessId" | "amountDueCents" | "currency">) {
  const externalReference = cvtChargeIdempotencyKey(invoice.id);
  // One query when the payment is new (the usual case); read it back only when it already existed.
  const [created] = await tx.payment.createManyAndReturn({
    data: [
      {
        businessId: invoice.businessId,
        invoiceId: invoice.id,
        provider: "cvt",
        amountCents: invoice.amountDueCents,
        currency: invoice.currency,
        status: "pending",
        externalReference,
      },
    ],
    skipDuplicates: true,
  });
  return created ?? tx.payment.findUniqueOrThrow({ where: { provider_externalReference: { provider: "cvt", externalReference } } });
}

// Turns what CVT says about a charge (its synchronous answer or a webhook) into state, inside the caller's
// transaction. Conditional updates make it apply once and in any order: succeeded wins over an earlier
// failed (the money was taken), a failed after succeeded changes nothing.
// `paymentId`: the charge job already holds the payment it created before sending the charge.
export async function applyCvtCharge(tx: Tx, invoice: Invoice, report: ChargeReport, now: Date, paymentId?: string): Promise<ChargeOutcome> {
  const payment = paymentId ? { id: paymentId } : await ensureCvtPayment(tx, invoice);
  if (SUCCEEDED.has(report.status)) {
    const [claimed] = await tx.payment.updateManyAndReturn({
      where: { id: payment.id, status: { in: ["pending", "failed"] } },
      data: { status: "paid", paidAt: now, providerReference: report.chargeId, failureReason: null },
    });
    if (!claimed) return "duplicate";
    const settled = await settleInvoiceWithPayment(
      tx,
      { invoiceId: invoice.id, paymentId: payment.id, payment: claimed, methodLabel: "your CVT billing account" },
      now,
    );
    return settled === "paid" ? "paid" : "flagged";
  }
  if (FAILED.has(report.status)) {
    const reason = `CVT declined the charge: ${report.errorMessage?.slice(0, 300) || "no reason given"}`;
    const failed = await tx.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: { status: "failed", providerReference: report.chargeId, failureReason: reason },
    });
    if (failed.count === 0) return "duplicate";
    await emitPaymentEvent(tx, payment.id);
    if (invoice.status !== "open") return "failed";
    await tx.subscription.updateMany({ where: { businessId: invoice.businessId, status: { in: ["active", "trialing"] } }, data: { status: "past_due" } });
    const recipient = await billingRecipient(tx, invoice.businessId);
    if (recipient.to) {
      const amount = formatMoney(invoice.amountDueCents, invoice.currency);
      await queueEmail(tx, {
        template: "payment-failed",
        to: recipient.to,
        businessId: invoice.businessId,
        subject: `Payment of ${amount} for ${invoice.number} did not go through`,
        body: PaymentFailedEmail({
          businessName: recipient.businessName,
          invoiceNumber: invoice.number,
          amountCents: invoice.amountDueCents,
          currency: invoice.currency,
          method: "CVT",
          reason,
          failedAt: now,
          payUrl: invoice.paymentToken ? payUrl(invoice.paymentToken) : null,
        }),
      });
    }
    return "failed";
  }
  await tx.payment.updateMany({ where: { id: payment.id, status: "pending" }, data: { providerReference: report.chargeId } });
  return "pending";
}

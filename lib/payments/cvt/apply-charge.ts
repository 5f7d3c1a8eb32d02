import { emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";
import PaymentFailedEmail from "@/emails/payment-failed";
import { payUrl } from "@/lib/billing/own-invoices";
import { billingRecipient } from "@/lib/billing/queue-billing-notice";
import { settleInvoicesWithPayments } from "@/lib/billing/settle-renewal";
import { queueEmail } from "@/lib/email/queue-email";
import { formatMoney } from "@/lib/format";
import type { Invoice, Payment, Prisma } from "@/lib/generated/prisma/client";
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
export async function ensureCvtPayment(tx: Tx, invoice: ChargedInvoice) {
  return (await ensureCvtPayments(tx, [invoice])).get(invoice.id)!;
}

type ChargedInvoice = Pick<Invoice, "id" | "businessId" | "amountDueCents" | "currency">;

// The same for many invoices, by invoice id: one INSERT for the new ones, and a read only of those that existed.
export async function ensureCvtPayments(tx: Tx, invoices: ChargedInvoice[]): Promise<Map<string, Payment>> {
  const created = await tx.payment.createManyAndReturn({
    data: invoices.map((invoice) => ({
      businessId: invoice.businessId,
      invoiceId: invoice.id,
      provider: "cvt" as const,
      amountCents: invoice.amountDueCents,
      currency: invoice.currency,
      status: "pending" as const,
      externalReference: cvtChargeIdempotencyKey(invoice.id),
    })),
    skipDuplicates: true,
  });
  const byInvoice = new Map(created.map((payment) => [payment.invoiceId!, payment]));
  const existing = invoices.filter((invoice) => !byInvoice.has(invoice.id)).map((invoice) => cvtChargeIdempotencyKey(invoice.id));
  if (existing.length > 0) {
    for (const payment of await tx.payment.findMany({ where: { provider: "cvt", externalReference: { in: existing } } })) {
      byInvoice.set(payment.invoiceId!, payment);
    }
  }
  return byInvoice;
}

export interface CvtChargeAnswer {
  invoice: Invoice;
  report: ChargeReport;
  // The charge job already holds the payment it created before sending the charge.
  paymentId?: string;
}

// Turns what CVT says about a charge (its synchronous answer or a webhook) into state, inside the caller's
// transaction. Conditional updates make it apply once and in any order: succeeded wins over an earlier
// failed (the money was taken), a failed after succeeded changes nothing.
export async function applyCvtCharge(tx: Tx, invoice: Invoice, report: ChargeReport, now: Date, paymentId?: string): Promise<ChargeOutcome> {
  const [outcome] = await applyCvtCharges(tx, [{ invoice, report, paymentId }], now);
  return outcome;
}

// The same for many answers (a billing run's batch): the successes are claimed and settled with set-based
// queries for all of them; other answers are applied one by one.
export async function applyCvtCharges(tx: Tx, answers: CvtChargeAnswer[], now: Date): Promise<ChargeOutcome[]> {
  const outcomes: ChargeOutcome[] = [];
  const succeeded: { position: number; invoiceId: string; paymentId: string; chargeId: string | null }[] = [];
  for (const [position, { invoice, report, paymentId }] of answers.entries()) {
    const id = paymentId ?? (await ensureCvtPayment(tx, invoice)).id;
    if (SUCCEEDED.has(report.status)) succeeded.push({ position, invoiceId: invoice.id, paymentId: id, chargeId: report.chargeId });
    else outcomes[position] = await applyUnsuccessfulCharge(tx, invoice, report, now, id);
  }
  if (succeeded.length === 0) return outcomes;
  const claimed = await tx.$queryRaw<Payment[]>`
    UPDATE "Payment" p SET status = 'paid', "paidAt" = ${now}, "providerReference" = v.charge_id, "failureReason" = NULL, "updatedAt" = ${now}
    FROM unnest(${succeeded.map((s) => s.paymentId)}::text[], ${succeeded.map((s) => s.chargeId)}::text[]) AS v(id, charge_id)
    WHERE p.id = v.id AND p.status IN ('pending', 'failed')
    RETURNING p.*`;
  const claimedById = new Map(claimed.map((payment) => [payment.id, payment]));
  const settling = succeeded.filter((s) => claimedById.has(s.paymentId));
  const settlements = await settleInvoicesWithPayments(
    tx,
    settling.map((s) => ({ invoiceId: s.invoiceId, payment: claimedById.get(s.paymentId)!, methodLabel: "your CVT billing account" })),
    now,
  );
  for (const s of succeeded) outcomes[s.position] = "duplicate";
  settling.forEach((s, index) => (outcomes[s.position] = settlements[index]));
  return outcomes;
}

async function applyUnsuccessfulCharge(tx: Tx, invoice: Invoice, report: ChargeReport, now: Date, paymentId: string): Promise<ChargeOutcome> {
  if (FAILED.has(report.status)) {
    const reason = `CVT declined the charge: ${report.errorMessage?.slice(0, 300) || "no reason given"}`;
    const failed = await tx.payment.updateMany({
      where: { id: paymentId, status: "pending" },
      data: { status: "failed", providerReference: report.chargeId, failureReason: reason },
    });
    if (failed.count === 0) return "duplicate";
    await emitPaymentEvent(tx, paymentId);
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
  await tx.payment.updateMany({ where: { id: paymentId, status: "pending" }, data: { providerReference: report.chargeId } });
  return "pending";
}

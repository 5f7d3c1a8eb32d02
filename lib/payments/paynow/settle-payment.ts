import { extendSubscriptionForPayment } from "@/lib/billing/extend-subscription";
import { flagPaymentOfClosedInvoice, queueReactivationEmail, renewalPeriodOf } from "@/lib/billing/settle-renewal";
import { grantCreditsForPaidInvoice } from "@/lib/credits/grant-invoice-credits";
import { prisma } from "@/lib/db";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { emitInvoiceEvent, emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";
import type { Payment } from "@/lib/generated/prisma/client";
import { centsToDecimal, decimalToCents } from "./amount";
import type { PaynowStatusReport } from "./client";
import { paynowSettings } from "./config";
import { isSameOrigin } from "./http";
import { queuePaymentFailedEmail, queuePaymentReceivedEmail } from "./notify";
import { classifyPaynowStatus, describeFailure } from "./status";

export type SettleOutcome =
  | "paid"
  | "failed"
  | "pending"
  | "duplicate"
  | "flagged_amount"
  | "flagged_double_payment"
  | "flagged_status"
  | "unknown_reference"
  | "ignored_status";

export interface SettleResult {
  outcome: SettleOutcome;
  paymentId?: string;
}

// Late-paid statuses a "Paid" report may still move to paid: the money was taken, so we record it.
const NOT_YET_PAID = ["pending", "failed", "expired", "cancelled"] as const;
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

// The one place a Paynow status turns into state, shared by the result-URL callback and reconciliation.
// Every change is a conditional update on the payment's current status, so replays, duplicates and
// concurrent deliveries of the same status apply once: the first caller's UPDATE matches, the others' match
// no row (Postgres re-checks the WHERE after waiting on the row lock). Paid never moves back.
export async function settlePaynowPayment(report: PaynowStatusReport, now = new Date()): Promise<SettleResult> {
  const payment = await prisma.payment.findUnique({
    where: { provider_externalReference: { provider: "paynow", externalReference: report.reference } },
  });
  if (!payment) return { outcome: "unknown_reference" };
  const result = (outcome: SettleOutcome): SettleResult => ({ outcome, paymentId: payment.id });
  const providerReference = report.paynowReference?.slice(0, 100) || payment.providerReference;

  switch (classifyPaynowStatus(report.status)) {
    case "paid":
      return result(await settlePaid(payment, report, providerReference, now));
    case "failed":
      return result(await settleFailed(payment, report.status, providerReference, now));
    case "pending":
      await rememberPaynowDetails(payment, report, providerReference);
      return result("pending");
    case "review": {
      const flagged = await prisma.payment.updateMany({
        where: { id: payment.id, flaggedForReview: false },
        data: { flaggedForReview: true, failureReason: `Paynow reported "${report.status}"; review this payment.` },
      });
      return result(flagged.count ? "flagged_status" : "duplicate");
    }
    default:
      console.warn(`paynow: ignoring unknown status "${report.status}" for payment ${payment.id}`);
      return result("ignored_status");
  }
}

async function settlePaid(payment: Payment, report: PaynowStatusReport, providerReference: string | null, now: Date) {
  const reported = decimalToCents(report.amount);
  if (reported !== payment.amountCents) {
    const flagged = await prisma.payment.updateMany({
      where: { id: payment.id, status: { not: "paid" }, flaggedForReview: false },
      data: {
        status: "failed",
        pendingInvoiceId: null,
        flaggedForReview: true,
        providerReference,
        failureReason: `Paynow reported ${report.amount.slice(0, 32)} ${payment.currency} paid, but ${centsToDecimal(payment.amountCents)} was asked; held for review.`,
      },
    });
    if (flagged.count) console.warn(`paynow: amount mismatch on payment ${payment.id}, flagged for review`);
    return flagged.count ? "flagged_amount" : "duplicate";
  }

  const outcome = await prisma.$transaction(async (tx) => {
    const claimed = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: [...NOT_YET_PAID] }, flaggedForReview: false },
      data: { status: "paid", paidAt: now, pendingInvoiceId: null, providerReference, failureReason: null },
    });
    if (claimed.count === 0) return "duplicate" as const;
    await emitPaymentEvent(tx, payment.id);
    if (!payment.invoiceId) return "paid" as const;
    const invoice = await tx.invoice.updateMany({
      where: { id: payment.invoiceId, status: "open" },
      data: { status: "paid", paidAt: now, amountPaidCents: { increment: payment.amountCents }, amountDueCents: 0 },
    });
    if (invoice.count === 0) {
      // Another payment already paid this invoice, or it was voided (e.g. the period was paid by card).
      await flagPaymentOfClosedInvoice(tx, payment.invoiceId, payment.id);
      return "flagged_double_payment" as const;
    }
    const paidInvoice = await tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } });
    if (paidInvoice.plan) {
      // The invoice records the period actually bought, which may differ from the one it was issued for.
      const bought = await extendSubscriptionForPayment(
        tx,
        { businessId: payment.businessId, plan: paidInvoice.plan, currency: paidInvoice.currency, renewal: renewalPeriodOf(paidInvoice) },
        now,
      );
      await tx.invoice.update({ where: { id: payment.invoiceId }, data: { periodStart: bought.periodStart, periodEnd: bought.periodEnd } });
      if (bought.previousStatus === "suspended") await queueReactivationEmail(tx, paidInvoice, bought.periodEnd);
    }
    await emitInvoiceEvent(tx, payment.invoiceId, "invoice.paid");
    // A top-up's order receipt says everything "payment received" would: one email, not two.
    const { completedOrders } = await grantCreditsForPaidInvoice(tx, payment.invoiceId, now);
    if (completedOrders === 0) await queuePaymentReceivedEmail(tx, payment.id);
    return "paid" as const;
  }, TX_OPTIONS);

  if (outcome === "paid") kickJobs();
  return outcome;
}

async function settleFailed(payment: Payment, status: string, providerReference: string | null, now: Date) {
  const outcome = await prisma.$transaction(async (tx) => {
    const failed = await tx.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: { status: "failed", pendingInvoiceId: null, providerReference, failureReason: describeFailure(status) },
    });
    if (failed.count === 0) return "duplicate" as const;
    await emitPaymentEvent(tx, payment.id);
    await queuePaymentFailedEmail(tx, payment.id, now);
    return "failed" as const;
  }, TX_OPTIONS);
  if (outcome === "failed") kickJobs();
  return outcome;
}

async function rememberPaynowDetails(payment: Payment, report: PaynowStatusReport, providerReference: string | null) {
  const apiBase = paynowSettings()?.apiBase;
  const trustedPollUrl =
    !payment.pollUrl && report.pollUrl && apiBase && isSameOrigin(report.pollUrl, apiBase) ? report.pollUrl : undefined;
  if (providerReference === payment.providerReference && !trustedPollUrl) return;
  await prisma.payment.updateMany({
    where: { id: payment.id, status: "pending" },
    data: { providerReference, ...(trustedPollUrl ? { pollUrl: trustedPollUrl } : {}) },
  });
}

import { z } from "zod";
import { prisma } from "@/lib/db";
import { PermanentJobError } from "@/lib/jobs/job-errors";
import { applyCvtCharge, ensureCvtPayment, SUCCEEDED, type ChargeReport } from "./apply-charge";
import { cvtClient, cvtSettings, CvtRequestError } from "./client";

const payloadSchema = z.object({ invoiceId: z.string().min(1) });
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

// The `cvt.charge` job: charges an open invoice to the business's CVT account. The payment row is written
// before the request, the request carries the invoice's Idempotency-Key, and the answer is applied with
// conditional updates, so a crash at any point followed by a retry charges once and settles once.
// A synchronous "succeeded" settles the invoice, "failed" starts dunning, anything else waits for the webhook.
export async function chargeInvoiceWithCvt(payload: unknown): Promise<void> {
  const { invoiceId } = payloadSchema.parse(payload);
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId }, include: { business: { select: { cvtCustomerId: true } } } });
  if (!invoice) throw new PermanentJobError(`Invoice ${invoiceId} no longer exists`);
  if (invoice.status !== "open") return;
  if (!invoice.business.cvtCustomerId) throw new PermanentJobError(`Business of invoice ${invoice.number} has no CVT customer`);
  if (!cvtSettings()) throw new PermanentJobError("CVT is not configured (CVT_API_URL, CVT_SECRET_KEY)");

  const payment = await ensureCvtPayment(prisma, invoice);
  if (payment.status !== "pending") return;
  let report: ChargeReport;
  try {
    const charge = await cvtClient().charge({
      customerId: invoice.business.cvtCustomerId,
      amountCents: invoice.amountDueCents,
      currency: invoice.currency,
      description: `Tangabiz invoice ${invoice.number}`,
      invoiceId: invoice.id,
    });
    report = { chargeId: charge.id, status: charge.status, errorMessage: charge.error_message };
  } catch (error) {
    // A refusal is final for this charge: the invoice stays payable through its pay link and dunning runs.
    if (!(error instanceof CvtRequestError)) throw error;
    report = { chargeId: null, status: "failed", errorMessage: error.message };
  }
  await prisma.$transaction(async (tx) => {
    // A success settles through conditional updates on the invoice and payment (and reads the invoice there);
    // any other answer decides on the invoice as it is now.
    const current = SUCCEEDED.has(report.status) ? invoice : await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    await applyCvtCharge(tx, current, report, new Date(), payment.id);
  }, TX_OPTIONS);
}

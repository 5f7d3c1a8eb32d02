import { z } from "zod";
import { prisma } from "@/lib/db";
import { PermanentJobError } from "@/lib/jobs/job-errors";
import { applyCvtCharges, ensureCvtPayments, SUCCEEDED, type ChargeReport } from "./apply-charge";
import { cvtClient, cvtSettings, CvtRequestError } from "./client";

const payloadSchema = z.object({ invoiceId: z.string().min(1) });
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };
// Charges sent to CVT at once by one batch.
const CONCURRENT_CHARGES = 16;

// The `cvt.charge` job: charges an open invoice to the business's CVT account. The payment row is written
// before the request, the request carries the invoice's Idempotency-Key, and the answer is applied with
// conditional updates, so a crash at any point followed by a retry charges once and settles once.
// A synchronous "succeeded" settles the invoice, "failed" starts dunning, anything else waits for the webhook.
export async function chargeInvoiceWithCvt(payload: unknown): Promise<void> {
  const [error] = await chargeInvoicesWithCvt([payload]);
  if (error) throw error;
}

// Many charge jobs at once (a billing run's batch): the invoices are read, their payments written and the
// answers applied with a few set-based queries for the whole batch, in one transaction. Answers each job's
// error (undefined when done); an error of the transaction is every applied job's error (they all retry).
export async function chargeInvoicesWithCvt(payloads: unknown[]): Promise<(Error | undefined)[]> {
  const errors: (Error | undefined)[] = payloads.map(() => undefined);
  const parsed = payloads.map((payload) => payloadSchema.safeParse(payload));
  const ids = parsed.flatMap((result) => (result.success ? [result.data.invoiceId] : []));
  const invoices = new Map(
    (await prisma.invoice.findMany({ where: { id: { in: ids } }, include: { business: { select: { cvtCustomerId: true } } } })).map((i) => [i.id, i]),
  );
  const chargeable: { index: number; invoice: NonNullable<ReturnType<typeof invoices.get>> }[] = [];
  parsed.forEach((result, index) => {
    if (!result.success) return void (errors[index] = new PermanentJobError(`Invalid cvt.charge payload: ${result.error.message}`));
    const invoice = invoices.get(result.data.invoiceId);
    if (!invoice) return void (errors[index] = new PermanentJobError(`Invoice ${result.data.invoiceId} no longer exists`));
    if (invoice.status !== "open") return;
    if (!invoice.business.cvtCustomerId) return void (errors[index] = new PermanentJobError(`Business of invoice ${invoice.number} has no CVT customer`));
    if (!cvtSettings()) return void (errors[index] = new PermanentJobError("CVT is not configured (CVT_API_URL, CVT_SECRET_KEY)"));
    chargeable.push({ index, invoice });
  });
  if (chargeable.length === 0) return errors;

  const payments = await ensureCvtPayments(prisma, chargeable.map((c) => c.invoice));
  const pending = chargeable.filter((c) => payments.get(c.invoice.id)?.status === "pending");
  const reports = await mapConcurrently(pending, CONCURRENT_CHARGES, async ({ index, invoice }) => {
    try {
      const charge = await cvtClient().charge({
        customerId: invoice.business.cvtCustomerId!,
        amountCents: invoice.amountDueCents,
        currency: invoice.currency,
        description: `Tangabiz invoice ${invoice.number}`,
        invoiceId: invoice.id,
      });
      return { chargeId: charge.id, status: charge.status, errorMessage: charge.error_message } satisfies ChargeReport;
    } catch (error) {
      // A refusal is final for this charge: the invoice stays payable through its pay link and dunning runs.
      if (error instanceof CvtRequestError) return { chargeId: null, status: "failed", errorMessage: error.message } satisfies ChargeReport;
      errors[index] = error as Error;
      return null;
    }
  });
  const answered = pending.flatMap((c, position) => {
    const report = reports[position];
    return report ? [{ ...c, report }] : [];
  });
  if (answered.length === 0) return errors;
  try {
    await prisma.$transaction(async (tx) => {
      // A success settles through conditional updates on the invoice and payment (and reads the invoice there);
      // any other answer decides on the invoice as it is now.
      const others = answered.filter((a) => !SUCCEEDED.has(a.report.status)).map((a) => a.invoice.id);
      const current = new Map(others.length ? (await tx.invoice.findMany({ where: { id: { in: others } } })).map((i) => [i.id, i]) : []);
      const charges = answered.map((a) => ({ invoice: current.get(a.invoice.id) ?? a.invoice, report: a.report, paymentId: payments.get(a.invoice.id)!.id }));
      await applyCvtCharges(tx, charges, new Date());
    }, TX_OPTIONS);
  } catch (error) {
    for (const { index } of answered) errors[index] = error as Error;
  }
  return errors;
}

async function mapConcurrently<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const position = next++;
      results[position] = await work(items[position]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

import type { Prisma } from "@/lib/generated/prisma/client";
import { applyCvtCharge, type ChargeOutcome } from "../apply-charge";
import { chargeDataSchema, type CvtEvent } from "./schemas";

// charge.succeeded / charge.failed: the invoice named in the charge's metadata (it must belong to the
// customer's business), else the one whose payment carries this charge id.
export async function onCvtCharge(tx: Prisma.TransactionClient, event: CvtEvent, now: Date): Promise<ChargeOutcome | "ignored"> {
  const data = chargeDataSchema.parse(event.data);
  const business = await tx.business.findUnique({ where: { cvtCustomerId: data.customer_id }, select: { id: true } });
  if (!business) return "ignored";
  const invoiceId =
    data.metadata?.invoice_id ??
    (await tx.payment.findFirst({ where: { provider: "cvt", providerReference: data.id, businessId: business.id }, select: { invoiceId: true } }))
      ?.invoiceId;
  if (!invoiceId) return "ignored";
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId, businessId: business.id } });
  if (!invoice) return "ignored";
  const status = event.type === "charge.succeeded" ? "succeeded" : "failed";
  return applyCvtCharge(tx, invoice, { chargeId: data.id, status, errorMessage: data.error_message }, now);
}

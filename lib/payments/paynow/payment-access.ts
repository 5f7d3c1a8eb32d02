import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { toPaymentView } from "./payment-view";
import { paymentTokenSchema, type PaymentView } from "./schemas";

// A payment is reached either by a member of its business or through its invoice's pay token; anything
// else looks exactly like a payment that does not exist.
export type PaymentAccess = { businessId: string } | { paymentToken: string };

async function findAccessiblePayment(paymentId: string, access: PaymentAccess) {
  const notFound = new ApiError("not_found", "No such payment.");
  if (paymentId.length > 64) throw notFound;
  let where;
  if ("paymentToken" in access) {
    if (!paymentTokenSchema.safeParse(access.paymentToken).success) throw notFound;
    where = { id: paymentId, provider: "paynow" as const, invoice: { paymentToken: access.paymentToken } };
  } else {
    where = { id: paymentId, businessId: access.businessId };
  }
  const payment = await prisma.payment.findFirst({ where });
  if (!payment) throw notFound;
  return payment;
}

export async function getPaymentStatus(paymentId: string, access: PaymentAccess): Promise<PaymentView> {
  return toPaymentView(await findAccessiblePayment(paymentId, access));
}

// Paynow has no cancel call for a pushed prompt; cancelling frees the invoice so the payer can use another
// wallet. If Paynow still reports the old payment paid, it is recorded (and flagged if the invoice was
// paid meanwhile), so no money goes unaccounted.
export async function cancelPendingPayment(paymentId: string, access: PaymentAccess): Promise<PaymentView> {
  const payment = await findAccessiblePayment(paymentId, access);
  await prisma.payment.updateMany({
    where: { id: payment.id, status: "pending" },
    data: { status: "cancelled", pendingInvoiceId: null, failureReason: "Cancelled before it was approved." },
  });
  return getPaymentStatus(payment.id, access);
}

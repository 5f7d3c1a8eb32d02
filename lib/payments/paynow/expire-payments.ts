import { prisma } from "@/lib/db";

export interface ExpireOptions {
  now?: Date;
  maxAgeMs?: number;
  batchSize?: number;
  budgetMs?: number;
}

// Pending Paynow payments with no result after 24 hours are closed as expired, freeing their invoice. Each
// batch is one conditional UPDATE, so concurrent runs cannot expire a payment twice or expire one that a
// callback has just settled. A "Paid" that still arrives later is recorded (see settlePaynowPayment).
export async function expireStalePayments(options: ExpireOptions = {}) {
  const { now = new Date(), maxAgeMs = 24 * 3_600_000, batchSize = 500, budgetMs = 20_000 } = options;
  const cutoff = new Date(now.getTime() - maxAgeMs);
  const deadline = Date.now() + budgetMs;
  let expired = 0;
  while (Date.now() < deadline) {
    const { count } = await prisma.payment.updateMany({
      where: { provider: "paynow", status: "pending", createdAt: { lt: cutoff } },
      data: { status: "expired", pendingInvoiceId: null, failureReason: "No result from Paynow within 24 hours." },
      limit: batchSize,
    });
    expired += count;
    if (count < batchSize) break;
  }
  return { expired };
}

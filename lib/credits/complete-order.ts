import type { Prisma } from "@/lib/generated/prisma/client";
import { postCreditEntry } from "./post-credit-entry";
import { queryFromTx } from "./sql";

// A one-off order is paid: pending → paid once (the conditional update decides between concurrent webhooks),
// and a top-up order's credits are granted in the same transaction. Answers whether this call completed it.
export async function completeOrder(tx: Prisma.TransactionClient, orderId: string, paidAt: Date): Promise<boolean> {
  const moved = await tx.order.updateMany({ where: { id: orderId, status: { in: ["pending", "failed"] } }, data: { status: "paid", paidAt, failureReason: null } });
  if (moved.count === 0) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.credits) {
    await postCreditEntry(queryFromTx(tx), {
      businessId: order.businessId,
      bucket: "topup",
      kind: "topup",
      delta: order.credits,
      idempotencyKey: `topup:order:${order.id}`,
      orderId: order.id,
      invoiceId: order.invoiceId,
      description: order.description,
    });
  }
  return true;
}

import { prisma } from "@/lib/db";

// What the credits page shows after a checkout: the order's state, and why it failed if it did.
export async function findOrderView(businessId: string, orderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const order = await prisma.order.findFirst({ where: { id: orderId, businessId } });
  if (!order) return null;
  const lastPayment = await prisma.payment.findFirst({
    where: {
      businessId,
      OR: [
        ...(order.stripeCheckoutSessionId ? [{ externalReference: order.stripeCheckoutSessionId }] : []),
        ...(order.invoiceId ? [{ invoiceId: order.invoiceId }] : []),
      ],
    },
    orderBy: { createdAt: "desc" },
    select: { status: true, failureReason: true },
  });
  return {
    id: order.id,
    description: order.description,
    status: order.status,
    credits: order.credits,
    amountCents: order.amountCents,
    currency: order.currency,
    provider: order.provider,
    paidAt: order.paidAt?.toISOString() ?? null,
    failureReason: order.failureReason ?? (lastPayment?.status === "failed" ? lastPayment.failureReason : null),
  };
}

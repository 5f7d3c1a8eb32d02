import { prisma } from "@/lib/db";

// A one-off purchase waiting for payment; a provider's checkout then carries its id as the reference.
export function createOrder(businessId: string, order: { description: string; amountCents: number; currency: string }) {
  if (!Number.isSafeInteger(order.amountCents) || order.amountCents <= 0) throw new Error("amountCents must be a positive integer");
  return prisma.order.create({ data: { businessId, ...order, currency: order.currency.toUpperCase() } });
}

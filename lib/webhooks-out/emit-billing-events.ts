import type { Prisma, Subscription } from "@/lib/generated/prisma/client";
import { emitEvent } from "./emit-event";
import { invoiceEventData, paymentEventData, subscriptionEventData } from "./event-data";

type Tx = Prisma.TransactionClient;

// Billing's events, keyed on the record so a cause applied twice (a webhook delivered twice, two provider
// events for one invoice) emits once. Call inside the cause's transaction.

export async function emitInvoiceEvent(tx: Tx, invoiceId: string, type: "invoice.created" | "invoice.paid" | "invoice.overdue") {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  return emitEvent(tx, invoice.businessId, type, invoiceEventData(invoice), { key: `${type}:${invoice.id}` });
}

export async function emitPaymentEvent(tx: Tx, paymentId: string) {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (payment.status !== "paid" && payment.status !== "failed") return { eventId: null, deliveries: 0 };
  const type = payment.status === "paid" ? "payment.succeeded" : "payment.failed";
  return emitEvent(tx, payment.businessId, type, paymentEventData(payment), { key: `${type}:${payment.id}` });
}

const watched = ["plan", "status", "provider", "cancelAtPeriodEnd", "currentPeriodStart", "currentPeriodEnd"] as const;

// subscription.updated when one of the fields a receiver cares about differs from `before`.
// `known`: the subscription as the caller just wrote it (saves reading it back).
export async function emitSubscriptionUpdated(tx: Tx, businessId: string, before: Subscription | null, known?: Subscription) {
  const after = known ?? (await tx.subscription.findUnique({ where: { businessId } }));
  if (!after) return { eventId: null, deliveries: 0 };
  if (before && watched.every((field) => JSON.stringify(before[field]) === JSON.stringify(after[field]))) {
    return { eventId: null, deliveries: 0 };
  }
  return emitEvent(tx, businessId, "subscription.updated", subscriptionEventData(after));
}

import type { ApiKey, Invoice, Payment, Subscription } from "@/lib/generated/prisma/client";

// The `data` of each event: what a receiver needs, never secrets (no key hashes, pay tokens or credentials).
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function invoiceEventData(invoice: Invoice) {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    provider: invoice.provider,
    currency: invoice.currency,
    totalCents: invoice.totalCents,
    amountDueCents: invoice.amountDueCents,
    amountPaidCents: invoice.amountPaidCents,
    plan: invoice.plan,
    periodStart: iso(invoice.periodStart),
    periodEnd: iso(invoice.periodEnd),
    dueAt: iso(invoice.dueAt),
    paidAt: iso(invoice.paidAt),
  };
}

export function paymentEventData(payment: Payment) {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    provider: payment.provider,
    method: payment.method,
    status: payment.status,
    amountCents: payment.amountCents,
    currency: payment.currency,
    paidAt: iso(payment.paidAt),
    failureReason: payment.failureReason,
  };
}

export function subscriptionEventData(subscription: Subscription) {
  return {
    plan: subscription.plan,
    status: subscription.status,
    provider: subscription.provider,
    currentPeriodStart: iso(subscription.currentPeriodStart),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
  };
}

export function apiKeyEventData(key: Pick<ApiKey, "id" | "name" | "prefix" | "environment" | "scopes" | "revokedAt">) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    environment: key.environment,
    scopes: key.scopes,
    ...(key.revokedAt ? { revokedAt: key.revokedAt.toISOString() } : {}),
  };
}

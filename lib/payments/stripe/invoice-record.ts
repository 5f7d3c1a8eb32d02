import { planForStripePriceId } from "./prices";
import type { InvoiceStatus, Prisma } from "@/lib/generated/prisma/client";
import { fromStripeTime, stripeId, type Stripe } from "./client";
import type { Tx } from "./sync-subscription";
import { emitInvoiceEvent, emitPaymentEvent } from "@/lib/webhooks-out/emit-billing-events";

export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  return stripeId(invoice.parent?.subscription_details?.subscription);
}

export function invoiceBusinessHint(invoice: Stripe.Invoice): string | null {
  return invoice.parent?.subscription_details?.metadata?.businessId ?? invoice.metadata?.businessId ?? null;
}

function linePriceId(line: Stripe.InvoiceLineItem): string | null {
  return stripeId(line.pricing?.price_details?.price);
}

function invoiceData(businessId: string, invoice: Stripe.Invoice) {
  const lines = invoice.lines?.data ?? [];
  const planLine = lines.find((line) => linePriceId(line) && planForStripePriceId(linePriceId(line)!));
  const periodLine = planLine ?? lines[0];
  return {
    businessId,
    provider: "stripe" as const,
    externalId: invoice.id,
    number: invoice.number ?? invoice.id,
    status: (invoice.status ?? "draft") as InvoiceStatus,
    currency: invoice.currency.toUpperCase(),
    subtotalCents: invoice.subtotal,
    totalCents: invoice.total,
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    lines: lines.map((line) => ({
      description: line.description ?? "",
      quantity: line.quantity ?? 1,
      unitAmountCents: line.quantity ? Math.round(line.amount / line.quantity) : line.amount,
      amountCents: line.amount,
    })) satisfies Prisma.InputJsonArray,
    plan: planLine ? (planForStripePriceId(linePriceId(planLine)!) ?? null) : null,
    periodStart: fromStripeTime(periodLine?.period.start ?? invoice.period_start),
    periodEnd: fromStripeTime(periodLine?.period.end ?? invoice.period_end),
    dueAt: fromStripeTime(invoice.due_date),
    issuedAt: fromStripeTime(invoice.status_transitions?.finalized_at ?? invoice.created),
    paidAt: fromStripeTime(invoice.status_transitions?.paid_at),
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  };
}

// Inserts the invoice once (the unique externalId decides between concurrent deliveries), then brings it
// up to date. A failed-payment event never moves an invoice that is already paid back to open.
// Stripe's invoice numbers are only unique within one Stripe account (and test and live data differ), so a
// number another Stripe invoice already holds is stored with the invoice id appended instead of failing
// the event on every retry.
export async function recordStripeInvoice(tx: Tx, businessId: string, invoice: Stripe.Invoice) {
  const data = invoiceData(businessId, invoice);
  let created = await tx.invoice.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
  if (created.length === 0 && (await tx.invoice.count({ where: { externalId: invoice.id } })) === 0) {
    const renumbered = { ...data, number: disambiguated(data.number, invoice.id) };
    created = await tx.invoice.createManyAndReturn({ data: [renumbered], skipDuplicates: true, select: { id: true } });
  }
  const { businessId: _business, provider: _provider, externalId: _externalId, number, ...changes } = data;
  await tx.invoice.updateMany({
    where: { externalId: invoice.id, businessId, ...(data.status === "paid" ? {} : { status: { not: "paid" } }) },
    data: changes,
  });
  // A draft gets its number when finalized; take it unless another Stripe invoice holds it.
  await tx.$executeRaw`
    UPDATE "Invoice" SET number = ${number}
    WHERE "externalId" = ${invoice.id} AND "businessId" = ${businessId} AND number <> ${number}
      AND number <> ${disambiguated(number, invoice.id)}
      AND NOT EXISTS (SELECT 1 FROM "Invoice" WHERE provider = 'stripe' AND number = ${number})`;
  const row = await tx.invoice.findUniqueOrThrow({ where: { externalId: invoice.id }, select: { id: true, businessId: true, number: true, status: true } });
  if (created.length > 0) await emitInvoiceEvent(tx, row.id, "invoice.created");
  if (row.status === "paid") await emitInvoiceEvent(tx, row.id, "invoice.paid");
  return row;
}

function disambiguated(number: string, invoiceId: string): string {
  return number === invoiceId ? number : `${number} (${invoiceId})`;
}

// One payment row per Stripe reference; created once, and only ever moved forward to paid.
export async function recordStripePayment(
  tx: Tx,
  payment: {
    businessId: string;
    invoiceId?: string | null;
    externalReference: string;
    providerReference?: string | null;
    amountCents: number;
    currency: string;
    status: "paid" | "failed";
    paidAt?: Date | null;
    failureReason?: string | null;
  },
) {
  const row = { ...payment, provider: "stripe" as const, method: "card", currency: payment.currency.toUpperCase() };
  await tx.payment.createMany({ data: [row], skipDuplicates: true });
  await tx.payment.updateMany({
    where: { provider: "stripe", externalReference: payment.externalReference, businessId: payment.businessId, status: { not: "paid" } },
    data: {
      status: payment.status,
      amountCents: payment.amountCents,
      paidAt: payment.paidAt ?? null,
      failureReason: payment.failureReason ?? null,
      ...(payment.providerReference ? { providerReference: payment.providerReference } : {}),
    },
  });
  const stored = await tx.payment.findUniqueOrThrow({
    where: { provider_externalReference: { provider: "stripe", externalReference: payment.externalReference } },
    select: { id: true },
  });
  await emitPaymentEvent(tx, stored.id);
}

export function invoicePaymentIntentId(invoice: Stripe.Invoice): string | null {
  const payment = invoice.payments?.data?.find((p) => p.payment?.type === "payment_intent");
  return stripeId(payment?.payment.payment_intent);
}

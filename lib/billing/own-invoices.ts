import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Invoice } from "@/lib/generated/prisma/client";
import { invoiceViewSchema, paymentTokenSchema, type InvoiceView } from "@/lib/payments/paynow/schemas";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function payUrl(token: string): string {
  return new URL(`/pay/${token}`, env.APP_URL).toString();
}

export function toInvoiceView(invoice: Invoice): InvoiceView {
  return invoiceViewSchema.parse({
    ...invoice,
    periodStart: iso(invoice.periodStart),
    periodEnd: iso(invoice.periodEnd),
    dueAt: iso(invoice.dueAt),
    issuedAt: iso(invoice.issuedAt),
    paidAt: iso(invoice.paidAt),
    payUrl: invoice.paymentToken && invoice.status === "open" ? payUrl(invoice.paymentToken) : null,
  });
}

// Invoices of our own (not Stripe's) of one business, newest first.
export async function listOwnInvoices(businessId: string, take = 50): Promise<InvoiceView[]> {
  const invoices = await prisma.invoice.findMany({
    where: { businessId, provider: { not: "stripe" } },
    orderBy: { createdAt: "desc" },
    take,
  });
  return invoices.map(toInvoiceView);
}

// The public pay page's view of an invoice: only what the payer needs, reached only through its token.
export async function findInvoiceByPaymentToken(token: string) {
  if (!paymentTokenSchema.safeParse(token).success) return null;
  return prisma.invoice.findUnique({
    where: { paymentToken: token },
    include: { business: { select: { name: true } } },
  });
}

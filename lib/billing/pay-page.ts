import { prisma } from "@/lib/db";
import { plans } from "@/lib/billing/plans";
import { isPaynowConfigured } from "@/lib/payments/paynow/config";
import { toPaymentView } from "@/lib/payments/paynow/payment-view";
import type { PaymentView } from "@/lib/payments/paynow/schemas";
import { findInvoiceByPaymentToken } from "./own-invoices";

export interface PayPageData {
  businessName: string;
  invoice: {
    number: string;
    status: "draft" | "open" | "paid" | "void" | "uncollectible";
    currency: string;
    amountCents: number;
    description: string;
    dueAt: string | null;
  };
  paynowEnabled: boolean;
  payment: PaymentView | null;
}

// Everything the public pay page shows, reached only through the invoice's token: the invoice, and the
// payment to resume (the one Paynow sent the payer back with, else the one still waiting).
export async function loadPayPage(token: string, returnedPaymentId?: string): Promise<PayPageData | null> {
  const invoice = await findInvoiceByPaymentToken(token);
  // CVT renewals can be paid here too when the CVT charge failed.
  if (!invoice || (invoice.provider !== "paynow" && invoice.provider !== "cvt")) return null;
  const payment = await prisma.payment.findFirst({
    where: {
      invoiceId: invoice.id,
      provider: "paynow",
      OR: [{ status: "pending" }, ...(returnedPaymentId && returnedPaymentId.length <= 64 ? [{ id: returnedPaymentId }] : [])],
    },
    orderBy: { createdAt: "desc" },
  });
  const lines = invoice.lines as { description?: string }[] | null;
  return {
    businessName: invoice.business.name,
    invoice: {
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      amountCents: invoice.status === "paid" ? invoice.amountPaidCents : invoice.amountDueCents,
      description: lines?.[0]?.description ?? (invoice.plan ? `${plans[invoice.plan].name} plan` : "Invoice"),
      dueAt: invoice.dueAt?.toISOString() ?? null,
    },
    paynowEnabled: isPaynowConfigured(),
    payment: payment ? await toPaymentView(payment) : null,
  };
}

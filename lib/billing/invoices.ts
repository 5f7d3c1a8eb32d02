import { prisma } from "@/lib/db";
import { invoiceSummarySchema, type InvoiceSummary } from "./schemas";

// Every invoice of the business (card and mobile money), newest first, each with its payments.
export async function listInvoices(businessId: string): Promise<InvoiceSummary[]> {
  const rows = await prisma.invoice.findMany({
    where: { businessId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { payments: { where: { businessId }, orderBy: { createdAt: "desc" } } },
  });
  return rows.map((row) =>
    invoiceSummarySchema.parse({
      ...row,
      payUrl: row.paymentToken && row.status === "open" ? `/pay/${row.paymentToken}` : null,
    }),
  );
}

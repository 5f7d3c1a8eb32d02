import { parseJsonBody } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { requireOpenBusiness } from "@/lib/business/require-open-business";
import { createPaynowInvoice } from "@/lib/billing/create-invoice";
import { toInvoiceView } from "@/lib/billing/own-invoices";
import { createPaynowInvoiceSchema } from "@/lib/payments/paynow/schemas";

// POST /api/billing/paynow/invoice — open an invoice for one period of a plan, to pay with Paynow (owner)
export const POST = withSession(
  async (req, { member }) => {
    const input = await parseJsonBody(req, createPaynowInvoiceSchema);
    await requireOpenBusiness(member.businessId);
    const { invoice, created } = await createPaynowInvoice(member.businessId, input);
    return Response.json({ invoice: toInvoiceView(invoice) }, { status: created ? 201 : 200 });
  },
  { role: "owner" },
);

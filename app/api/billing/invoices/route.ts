import { withSession } from "@/lib/api/with-session";
import { listInvoices } from "@/lib/billing/invoices";

// GET /api/billing/invoices — every invoice of the business, newest first, with its payments (owner, admin)
export const GET = withSession(async (_req, { member }) => Response.json({ invoices: await listInvoices(member.businessId) }), { role: "admin" });

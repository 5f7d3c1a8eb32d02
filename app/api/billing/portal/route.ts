import { withSession } from "@/lib/api/with-session";
import { createPortalSession } from "@/lib/payments/stripe/subscription-actions";

// POST /api/billing/portal — a Stripe billing portal session to update the card or see Stripe's invoices (owner)
export const POST = withSession(async (_req, { member }) => Response.json(await createPortalSession(member.businessId)), { role: "owner" });

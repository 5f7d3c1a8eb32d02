import { withSession } from "@/lib/api/with-session";
import { getBillingUsage } from "@/lib/billing/usage";

// GET /api/billing/usage — plan, billing status, limits (-1 = unlimited) and current usage (owner, admin)
export const GET = withSession(async (_req, { member }) => Response.json(await getBillingUsage(member.businessId)), { role: "admin" });

import { withApiKey } from "@/lib/api/with-api-key";
import { billingPortalLink } from "@/lib/credits/portal-link";

export const dynamic = "force-dynamic";

// POST /api/v1/portal-link — where the business manages billing: its Stripe portal, else its billing page
export const POST = withApiKey(async (_req, { key }) => Response.json(await billingPortalLink(key.businessId)), { scope: "credits:write" });

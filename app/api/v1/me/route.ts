import { withApiKey } from "@/lib/api/with-api-key";

export const dynamic = "force-dynamic";

// GET /api/v1/me — who this key belongs to, with its scopes, plan and billing status
export const GET = withApiKey(
  async (_req, { key }) =>
    Response.json({
      business: { id: key.businessId, name: key.businessName },
      apiKey: { prefix: key.prefix, scopes: key.scopes, environment: key.environment },
      plan: key.plan,
      billingStatus: key.billingStatus,
    }),
  { scope: ["pos:read", "pos:write", "usage:read", "credits:read", "credits:write"], usageEvent: "v1.me" },
);

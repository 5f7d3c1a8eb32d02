import { withApiKey } from "@/lib/api/with-api-key";

export const dynamic = "force-dynamic";

// GET /api/pos/status — is this business able to trade through the API right now?
export const GET = withApiKey(
  async (_req, { key }) =>
    Response.json({
      status: key.billingStatus === "suspended" || key.billingStatus === "canceled" ? "suspended" : "operational",
      billingStatus: key.billingStatus,
      timestamp: new Date().toISOString(),
    }),
  { scope: "pos:read", usageEvent: "pos.status" },
);

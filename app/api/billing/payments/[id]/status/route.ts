import { withPayToken } from "@/lib/api/with-pay-token";
import { withSession } from "@/lib/api/with-session";
import { paynowProvider } from "@/lib/payments/paynow/provider";

type Route = { params: Promise<{ id: string }> };

const forMember = withSession<{ id: string }>(
  async (_req, { params, member }) =>
    Response.json(await paynowProvider.getStatus(params.id, { businessId: member.businessId }), { headers: { "cache-control": "no-store" } }),
  { role: "admin" },
);

const forPayLink = withPayToken<{ id: string }>(async (_req, { params, token }) =>
  Response.json(await paynowProvider.getStatus(params.id, { paymentToken: token })),
);

// GET /api/billing/payments/:id/status — a payment's live status, for members (admin+) or with ?token=<pay link token>
export async function GET(req: Request, route: Route) {
  return new URL(req.url).searchParams.has("token") ? forPayLink(req, route) : forMember(req, route);
}

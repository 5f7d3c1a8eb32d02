import { handleApiError } from "@/lib/api/errors";
import { withSession } from "@/lib/api/with-session";
import { paynowProvider } from "@/lib/payments/paynow/provider";

type Route = { params: Promise<{ id: string }> };

const forMember = withSession<{ id: string }>(
  async (_req, { params, member }) =>
    Response.json(await paynowProvider.getStatus(params.id, { businessId: member.businessId }), { headers: { "cache-control": "no-store" } }),
  { role: "admin" },
);

// GET /api/billing/payments/:id/status — a payment's live status, for members (admin+) or with ?token=<pay link token>
export async function GET(req: Request, route: Route) {
  const token = new URL(req.url).searchParams.get("token");
  if (token === null) return forMember(req, route);
  try {
    const { id } = await route.params;
    return Response.json(await paynowProvider.getStatus(id, { paymentToken: token }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
}

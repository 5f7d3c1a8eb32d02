import { withPayToken } from "@/lib/api/with-pay-token";
import { withSession } from "@/lib/api/with-session";
import { paynowProvider } from "@/lib/payments/paynow/provider";

type Route = { params: Promise<{ id: string }> };

const forOwner = withSession<{ id: string }>(
  async (_req, { params, member }) => Response.json(await paynowProvider.cancel(params.id, { businessId: member.businessId })),
  { role: "owner" },
);

const forPayLink = withPayToken<{ id: string }>(async (_req, { params, token }) =>
  Response.json(await paynowProvider.cancel(params.id, { paymentToken: token })),
);

// POST /api/billing/payments/:id/cancel — stop waiting for a pending payment so another method can be used (owner, or ?token=)
export async function POST(req: Request, route: Route) {
  return new URL(req.url).searchParams.has("token") ? forPayLink(req, route) : forOwner(req, route);
}

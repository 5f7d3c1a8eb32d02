import { handleApiError } from "@/lib/api/errors";
import { withSession } from "@/lib/api/with-session";
import { paynowProvider } from "@/lib/payments/paynow/provider";

type Route = { params: Promise<{ id: string }> };

const forOwner = withSession<{ id: string }>(
  async (_req, { params, member }) => Response.json(await paynowProvider.cancel(params.id, { businessId: member.businessId })),
  { role: "owner" },
);

// POST /api/billing/payments/:id/cancel — stop waiting for a pending payment so another method can be used (owner, or ?token=)
export async function POST(req: Request, route: Route) {
  const token = new URL(req.url).searchParams.get("token");
  if (token === null) return forOwner(req, route);
  try {
    const { id } = await route.params;
    return Response.json(await paynowProvider.cancel(id, { paymentToken: token }));
  } catch (error) {
    return handleApiError(error);
  }
}

import { withSession } from "@/lib/api/with-session";
import { requestSync } from "@/lib/integrations/request-sync";
import { parseProvider } from "@/lib/integrations/parse-provider";

export const dynamic = "force-dynamic";

// POST /api/integrations/:provider/sync — "Sync now": 202 with the job that will run it
export const POST = withSession<{ provider: string }>(
  async (_req, { member, params }) => Response.json(await requestSync(member.businessId, parseProvider(params.provider)), { status: 202 }),
  { role: "admin" },
);

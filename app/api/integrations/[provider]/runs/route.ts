import { z } from "zod";
import { parseSearchParams } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { listSyncRuns } from "@/lib/integrations/list-integrations";
import { parseProvider } from "@/lib/integrations/parse-provider";

export const dynamic = "force-dynamic";

const query = z.object({ jobId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(100).optional() });

// GET /api/integrations/:provider/runs — sync history, newest first (?jobId= for the run of one "Sync now")
export const GET = withSession<{ provider: string }>(
  async (req, { member, params }) => {
    const provider = parseProvider(params.provider);
    return Response.json({ runs: await listSyncRuns(member.businessId, provider, parseSearchParams(req, query)) });
  },
  { role: "admin" },
);

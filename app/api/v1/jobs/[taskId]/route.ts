import { ApiError } from "@/lib/api/errors";
import { withApiKey } from "@/lib/api/with-api-key";
import { findJob, toJobView } from "@/lib/credits/read-credits";

export const dynamic = "force-dynamic";

// GET /api/v1/jobs/:taskId — the job's hold: reserved | settled | released | expired, with reserved, used, refunded
export const GET = withApiKey<{ taskId: string }>(
  async (_req, { key, params }) => {
    const job = await findJob(key.businessId, params.taskId);
    if (!job) throw new ApiError("not_found", "No job with that taskId.");
    return Response.json(toJobView(job));
  },
  { scope: ["credits:read", "credits:write"] },
);

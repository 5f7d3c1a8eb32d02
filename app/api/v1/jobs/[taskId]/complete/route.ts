import { ApiError } from "@/lib/api/errors";
import { parseJsonBody } from "@/lib/api/parse";
import { withApiKey } from "@/lib/api/with-api-key";
import { finishReservation } from "@/lib/credits/finish-reservation";
import { findJob, toJobView } from "@/lib/credits/read-credits";
import { completeJobSchema } from "@/lib/credits/schemas";

export const dynamic = "force-dynamic";

// POST /api/v1/jobs/:taskId/complete — charge ceil(actualSeconds / 5) (at most the hold), return the rest.
// A job that already left "reserved" answers its final state and moves nothing.
export const POST = withApiKey<{ taskId: string }>(
  async (req, { key, params }) => {
    const { actualSeconds } = await parseJsonBody(req, completeJobSchema);
    if (!(await findJob(key.businessId, params.taskId))) throw new ApiError("not_found", "No job with that taskId.");
    await finishReservation(params.taskId, key.businessId, { kind: "complete", actualSeconds });
    return Response.json(toJobView((await findJob(key.businessId, params.taskId))!));
  },
  { scope: "credits:write" },
);

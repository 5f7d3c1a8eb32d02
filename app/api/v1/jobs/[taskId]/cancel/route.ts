import { ApiError } from "@/lib/api/errors";
import { withApiKey } from "@/lib/api/with-api-key";
import { finishReservation } from "@/lib/credits/finish-reservation";
import { findJob, toJobView } from "@/lib/credits/read-credits";

export const dynamic = "force-dynamic";

// POST /api/v1/jobs/:taskId/cancel — release the whole hold; a finished job answers its final state
export const POST = withApiKey<{ taskId: string }>(
  async (_req, { key, params }) => {
    if (!(await findJob(key.businessId, params.taskId))) throw new ApiError("not_found", "No job with that taskId.");
    await finishReservation(params.taskId, key.businessId, { kind: "cancel" });
    return Response.json(toJobView((await findJob(key.businessId, params.taskId))!));
  },
  { scope: "credits:write" },
);

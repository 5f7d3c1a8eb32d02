import { withCron } from "@/lib/api/with-cron";
import { runDueJobs } from "@/lib/jobs/run-jobs";

export const maxDuration = 60;

// GET /api/cron/jobs — every minute: runs every due background job (emails, and later webhooks and syncs)
export const GET = withCron("jobs", () => runDueJobs({ budgetMs: 50_000 }));

import { withCron } from "@/lib/api/with-cron";
import { runDueJobs } from "@/lib/jobs/run-jobs";

export const maxDuration = 60;

// GET /api/cron/emails — every 5 minutes: sends queued emails and retries failed sends on their schedule
export const GET = withCron("emails", () => runDueJobs({ kinds: ["email.send"], budgetMs: 50_000 }));

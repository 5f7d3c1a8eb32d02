import { withCron } from "@/lib/api/with-cron";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { runDunning } from "@/lib/billing/run-dunning";

export const maxDuration = 60;

// GET /api/cron/dunning — daily: reminders, past due, overdue notice, final warning and suspension, each once
export const GET = withCron("dunning", async () => {
  const result = await runDunning();
  kickJobs();
  return result;
});

import { withCron } from "@/lib/api/with-cron";
import { enqueueDailySyncs } from "@/lib/integrations/enqueue-daily-syncs";
import { runDueJobs } from "@/lib/jobs/run-jobs";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

// GET /api/cron/integrations — daily: queues each active integration's daily sync (sales CSVs, invoice PDFs, catch-up)
// and runs what it can; /api/cron/jobs runs the rest
export const GET = withCron("integrations", async () => {
  const { queued } = await enqueueDailySyncs();
  const ran = await runDueJobs({ kinds: ["integration.sync"], budgetMs: 45_000 });
  return { queued, ...ran };
});

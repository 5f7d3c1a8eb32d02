import { afterResponse } from "@/lib/api/after-response";
import { env } from "@/lib/env";

// Best effort right after a commit, off the response path; the cron drains whatever this misses.
export function kickJobs(): void {
  if (!env.JOBS_RUN_AFTER_RESPONSE) return;
  afterResponse(async () => {
    const { runDueJobs } = await import("./run-jobs");
    await runDueJobs({ limit: 20, budgetMs: 10_000 });
  });
}

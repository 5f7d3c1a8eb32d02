import { withCron } from "@/lib/api/with-cron";
import { auditCredits } from "@/lib/credits/audit-credits";

export const maxDuration = 60;

// GET /api/cron/credits-audit — hourly: report any balance that differs from its ledger or its open holds
export const GET = withCron("credits-audit", async () => {
  const result = await auditCredits();
  if (result.drift.length) console.error(`credits-audit: ${result.drift.length} balances drifted`, result.drift);
  return { ok: result.drift.length === 0, ...result };
});

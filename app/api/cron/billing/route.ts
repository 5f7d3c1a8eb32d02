import { withCron } from "@/lib/api/with-cron";
import { runBilling } from "@/lib/billing/run-billing";

export const maxDuration = 60;

// GET /api/cron/billing — daily: opens the next period's invoice of every subscription we bill, charges CVT
export const GET = withCron("billing", () => runBilling());

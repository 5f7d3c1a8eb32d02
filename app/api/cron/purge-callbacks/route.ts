import { withCron } from "@/lib/api/with-cron";
import { purgeOldCallbacks } from "@/lib/payments/paynow/purge-callbacks";

export const maxDuration = 60;

// GET /api/cron/purge-callbacks — daily: clear raw bodies of old verified Paynow callbacks, drop old unverified samples
export const GET = withCron("purge-callbacks", () => purgeOldCallbacks());

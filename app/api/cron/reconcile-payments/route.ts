import { withCron } from "@/lib/api/with-cron";
import { reconcilePendingPayments } from "@/lib/payments/paynow/reconcile-payments";

export const maxDuration = 60;

// GET /api/cron/reconcile-payments — every 15 minutes: poll Paynow for pending payments whose result never came
export const GET = withCron("reconcile-payments", () => reconcilePendingPayments());

import { withCron } from "@/lib/api/with-cron";
import { expireStalePayments } from "@/lib/payments/paynow/expire-payments";

export const maxDuration = 60;

// GET /api/cron/expire-payments — daily: pending Paynow payments older than 24 hours become expired
export const GET = withCron("expire-payments", () => expireStalePayments());

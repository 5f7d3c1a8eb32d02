import { withCron } from "@/lib/api/with-cron";
import { expireReservations } from "@/lib/credits/expire-reservations";

export const maxDuration = 60;

// GET /api/cron/expire-reservations — every 5 minutes: release holds past expiresAt, roll plan credit periods
export const GET = withCron("expire-reservations", () => expireReservations());

import { finishInTransaction } from "./finish-reservation";
import { rollPlanPeriods } from "./plan-credits";
import { creditTransaction } from "./sql";

// Cron (every 5 minutes): holds past expiresAt give their credits back, each in its own transaction through
// the same conditional close as complete/cancel (so a job finishing at the same moment wins or loses cleanly);
// then plan periods that started or ended are rolled.
export async function expireReservations(now = new Date(), { limit = 1_000, budgetMs = 20_000 } = {}) {
  const started = Date.now();
  const due = await creditTransaction((query) =>
    query<{ id: string }>(
      `SELECT id FROM "CreditReservation" WHERE status = 'reserved' AND "expiresAt" <= $1 ORDER BY "expiresAt" LIMIT $2`,
      [now, limit],
    ),
  );
  let expired = 0;
  for (const { id } of due) {
    if (Date.now() - started > budgetMs) break;
    if (await creditTransaction((query) => finishInTransaction(query, id, null, { kind: "expire" }))) expired++;
  }
  const periods = await rollPlanPeriods(now);
  return { expired, remaining: due.length - expired, planGrants: periods.granted, planExpiries: periods.expired };
}

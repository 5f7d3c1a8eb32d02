import { prisma } from "@/lib/db";

// Verified callbacks stay as records (reference, outcome, payment); their raw bodies are only needed while
// someone may still investigate a payment. Unverified samples are kept for a month.
export const VERIFIED_BODY_RETENTION_DAYS = 180;
export const UNVERIFIED_RETENTION_DAYS = 30;
const BATCH = 1000;

export async function purgeOldCallbacks(now = new Date(), budgetMs = 20_000): Promise<{ bodiesCleared: number; samplesDeleted: number }> {
  const started = Date.now();
  const bodiesBefore = new Date(now.getTime() - VERIFIED_BODY_RETENTION_DAYS * 86_400_000);
  const samplesBefore = new Date(now.getTime() - UNVERIFIED_RETENTION_DAYS * 86_400_000);
  let bodiesCleared = 0;
  for (;;) {
    const cleared = await prisma.$executeRaw`
      UPDATE "PaynowCallback" SET body = '' WHERE id IN (
        SELECT id FROM "PaynowCallback" WHERE verified AND body <> '' AND "receivedAt" < ${bodiesBefore} LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)`;
    bodiesCleared += cleared;
    if (cleared < BATCH || Date.now() - started > budgetMs) break;
  }
  const deleted = await prisma.paynowCallback.deleteMany({ where: { verified: false, receivedAt: { lt: samplesBefore } } });
  return { bodiesCleared, samplesDeleted: deleted.count };
}

import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";

// Verified result-URL posts are records and kept whole. Unsigned or wrongly signed posts can come from anyone,
// so of those only a count and a ring of the latest few (truncated) are kept: nothing grows with abuse.
export const UNVERIFIED_SAMPLE_SIZE = 100;
export const UNVERIFIED_BODY_CHARS = 1024;
export const UNVERIFIED_COUNTER = "paynow.callback.unverified";

export async function recordVerifiedCallback(body: string, reference: string | null): Promise<string> {
  const row = await prisma.paynowCallback.create({ data: { body, verified: true, reference }, select: { id: true } });
  return row.id;
}

export async function recordUnverifiedCallback(body: string, reference: string | null, outcome: string): Promise<void> {
  const [{ count }] = await prisma.$queryRaw<{ count: bigint }[]>`
    INSERT INTO "EventCounter" (name, count, "updatedAt") VALUES (${UNVERIFIED_COUNTER}, 1, now())
    ON CONFLICT (name) DO UPDATE SET count = "EventCounter".count + 1, "updatedAt" = now()
    RETURNING count`;
  const sample = { body: body.slice(0, UNVERIFIED_BODY_CHARS), verified: false, reference, outcome, paymentId: null, receivedAt: new Date() };
  const sampleSlot = Number(count % BigInt(UNVERIFIED_SAMPLE_SIZE));
  await prisma.paynowCallback.upsert({
    where: { sampleSlot },
    create: { id: randomUUID(), sampleSlot, ...sample },
    update: sample,
  });
}

export async function unverifiedCallbackCount(): Promise<number> {
  const row = await prisma.eventCounter.findUnique({ where: { name: UNVERIFIED_COUNTER } });
  return Number(row?.count ?? 0n);
}

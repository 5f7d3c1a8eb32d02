import { prisma } from "@/lib/db";

const STALE_PROCESSING_MS = 5 * 60_000;

// `attempt` fences the claim: a delivery that takes over a stale claim bumps it, and only the holder of the
// current attempt can finish or fail the event.
export type Claim =
  | { outcome: "claimed"; id: string; attempt: number }
  | { outcome: "duplicate" }
  | { outcome: "in_progress" };

// The claim was taken over by a later delivery (this one ran past the lease); its writes must not commit.
export class ClaimLostError extends Error {
  constructor(readonly eventId: string) {
    super(`The claim on webhook event ${eventId} was taken over by a later delivery.`);
  }
}

// Records a provider event under its unique (provider, eventId) before anything acts on it. The unique
// index decides between concurrent deliveries: exactly one claims it; a failed (or long-stuck) event can
// be claimed again by a later retry; a processed one is a duplicate.
export async function claimWebhookEvent(event: { provider: string; eventId: string; type: string; payload: object }): Promise<Claim> {
  const created = await prisma.webhookEvent.createMany({ data: [event], skipDuplicates: true });
  const where = { provider_eventId: { provider: event.provider, eventId: event.eventId } };
  if (created.count === 1) {
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where, select: { id: true, attempts: true } });
    return { outcome: "claimed", id: row.id, attempt: row.attempts };
  }
  const staleBefore = new Date(Date.now() - STALE_PROCESSING_MS);
  const [retried] = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "WebhookEvent" SET status = 'processing', attempts = attempts + 1, error = NULL, "updatedAt" = now()
    WHERE provider = ${event.provider} AND "eventId" = ${event.eventId}
      AND (status = 'failed' OR (status = 'processing' AND "updatedAt" < ${staleBefore}))
    RETURNING id, attempts`;
  if (retried) return { outcome: "claimed", id: retried.id, attempt: retried.attempts };
  const existing = await prisma.webhookEvent.findUniqueOrThrow({ where, select: { status: true } });
  return existing.status === "processing" ? { outcome: "in_progress" } : { outcome: "duplicate" };
}

type ClaimRef = { id: string; attempt: number };

// Pass the event's own transaction as `db` to mark it done in the same commit as its effects: if the claim
// was taken over meanwhile, this throws and the whole transaction rolls back.
export async function finishWebhookEvent(claim: ClaimRef, status: "processed" | "ignored", db: Pick<typeof prisma, "webhookEvent"> = prisma) {
  const done = await db.webhookEvent.updateMany({
    where: { id: claim.id, attempts: claim.attempt, status: "processing" },
    data: { status, processedAt: new Date() },
  });
  if (done.count !== 1) throw new ClaimLostError(claim.id);
}

// Only the current holder marks the event failed; a superseded attempt leaves the newer one alone.
export function failWebhookEvent(claim: ClaimRef, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return prisma.webhookEvent.updateMany({
    where: { id: claim.id, attempts: claim.attempt, status: "processing" },
    data: { status: "failed", error: message.slice(0, 2000) },
  });
}

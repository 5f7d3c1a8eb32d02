import { prisma } from "@/lib/db";

const STALE_PROCESSING_MS = 5 * 60_000;

export type Claim =
  | { outcome: "claimed"; id: string }
  | { outcome: "duplicate" }
  | { outcome: "in_progress" };

// Records a provider event under its unique (provider, eventId) before anything acts on it. The unique
// index decides between concurrent deliveries: exactly one claims it; a failed (or long-stuck) event can
// be claimed again by a later retry; a processed one is a duplicate.
export async function claimWebhookEvent(event: { provider: string; eventId: string; type: string; payload: object }): Promise<Claim> {
  const created = await prisma.webhookEvent.createMany({ data: [event], skipDuplicates: true });
  const where = { provider_eventId: { provider: event.provider, eventId: event.eventId } };
  if (created.count === 1) {
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where, select: { id: true } });
    return { outcome: "claimed", id: row.id };
  }
  const retried = await prisma.webhookEvent.updateMany({
    where: {
      provider: event.provider,
      eventId: event.eventId,
      OR: [{ status: "failed" }, { status: "processing", updatedAt: { lt: new Date(Date.now() - STALE_PROCESSING_MS) } }],
    },
    data: { status: "processing", attempts: { increment: 1 }, error: null },
  });
  if (retried.count === 1) {
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where, select: { id: true } });
    return { outcome: "claimed", id: row.id };
  }
  const existing = await prisma.webhookEvent.findUniqueOrThrow({ where, select: { status: true } });
  return existing.status === "processing" ? { outcome: "in_progress" } : { outcome: "duplicate" };
}

// Pass the event's own transaction as `db` to mark it done in the same commit as its effects.
export function finishWebhookEvent(id: string, status: "processed" | "ignored", db: Pick<typeof prisma, "webhookEvent"> = prisma) {
  return db.webhookEvent.update({ where: { id }, data: { status, processedAt: new Date() } });
}

export function failWebhookEvent(id: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return prisma.webhookEvent.update({ where: { id }, data: { status: "failed", error: message.slice(0, 2000) } });
}

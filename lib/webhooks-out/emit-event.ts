import { randomUUID } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/hash";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import type { WebhookEventType } from "./event-types";

type Tx = Prisma.TransactionClient;

export interface EmitOptions {
  // Identifies the occurrence (e.g. "invoice.paid:<invoice id>"): emitting the same key again, from a retried or
  // concurrent cause, delivers nothing new. Without it every call is a new event.
  key?: string;
  now?: Date;
}

export interface WebhookEventPayload {
  id: string;
  type: string;
  timestamp: string;
  businessId: string;
  data: Prisma.InputJsonObject;
}

export function eventIdFor(businessId: string, key?: string): string {
  return `evt_${key ? sha256Hex(`${businessId}:${key}`).slice(0, 32) : randomUUID().replaceAll("-", "")}`;
}

// Queues one event for every enabled endpoint of the business subscribed to its type: one WebhookDelivery and
// one webhook.deliver job each, written in the caller's transaction so the event exists exactly when its cause
// committed. Safe to call from any domain transaction (billing, payments, credits, dunning…).
export async function emitEvent(tx: Tx, businessId: string, type: WebhookEventType, data: Prisma.InputJsonObject, options: EmitOptions = {}) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { businessId, enabled: true, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return { eventId: null, deliveries: 0 };
  const eventId = eventIdFor(businessId, options.key);
  const deliveries = await queueDeliveries(tx, businessId, endpoints, { eventId, type, data, occurredAt: options.now });
  return { eventId, deliveries };
}

// Which of these businesses have an enabled endpoint for `type` (or one of `type`): bulk causes check once
// per batch and emit only for those.
export async function businessesSubscribedTo(tx: Tx, businessIds: string[], type: WebhookEventType | WebhookEventType[]): Promise<Set<string>> {
  if (businessIds.length === 0) return new Set();
  const rows = await tx.webhookEndpoint.findMany({
    where: { businessId: { in: businessIds }, enabled: true, events: { hasSome: [type].flat() } },
    select: { businessId: true },
    distinct: ["businessId"],
  });
  return new Set(rows.map((row) => row.businessId));
}

export interface QueuedEvent {
  eventId: string;
  type: string;
  data: Prisma.InputJsonObject;
  occurredAt?: Date;
  // Set for a replay: a new delivery of an event that was already delivered (or tried).
  replayOfId?: string;
}

export async function queueDeliveries(tx: Tx, businessId: string, endpoints: { id: string }[], event: QueuedEvent): Promise<number> {
  const { eventId, type, data, replayOfId } = event;
  const now = new Date();
  const occurredAt = event.occurredAt ?? now;
  const payload: WebhookEventPayload = { id: eventId, type, timestamp: occurredAt.toISOString(), businessId, data };
  const created = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((endpoint) => ({
      businessId,
      endpointId: endpoint.id,
      eventId,
      eventType: type,
      payload: payload as unknown as Prisma.InputJsonObject,
      dedupeKey: replayOfId ? null : `${endpoint.id}:${eventId}`,
      replayOfId,
      nextAttemptAt: now,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  for (const delivery of created) {
    await enqueueJob(tx, { kind: "webhook.deliver", payload: { deliveryId: delivery.id }, businessId, dedupeKey: `webhook:${delivery.id}` });
  }
  if (created.length > 0) kickJobs();
  return created.length;
}

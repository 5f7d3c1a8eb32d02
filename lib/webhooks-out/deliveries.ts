import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toDeliveryView } from "./endpoint-view";
import { eventIdFor, queueDeliveries } from "./emit-event";
import { TEST_EVENT_TYPE } from "./event-types";
import { findEndpointOrThrow } from "./manage-endpoints";

export async function listDeliveries(businessId: string, endpointId: string, take = 50) {
  await findEndpointOrThrow(prisma, businessId, endpointId);
  const rows = await prisma.webhookDelivery.findMany({
    where: { businessId, endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(take, 1), 200),
  });
  return rows.map(toDeliveryView);
}

function requireEnabled(endpoint: { enabled: boolean }) {
  if (!endpoint.enabled) throw new ApiError("conflict", "The endpoint is disabled. Enable it first.");
}

async function newestDelivery(endpointId: string) {
  const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return toDeliveryView(delivery);
}

// "Send test event": a webhook.test event to this endpoint only, whatever events it subscribed to.
export async function sendTestEvent(businessId: string, endpointId: string) {
  await prisma.$transaction(async (tx) => {
    const endpoint = await findEndpointOrThrow(tx, businessId, endpointId);
    requireEnabled(endpoint);
    const data: Prisma.InputJsonObject = { message: "A test event from Tangabiz. Your endpoint received it.", endpointId: endpoint.id };
    await queueDeliveries(tx, businessId, [endpoint], { eventId: eventIdFor(businessId), type: TEST_EVENT_TYPE, data });
  });
  return newestDelivery(endpointId);
}

// Sends the same event again (same webhook-id and payload, so receivers can deduplicate) as a new delivery.
export async function replayDelivery(businessId: string, deliveryId: string) {
  const replay = await prisma.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, businessId }, include: { endpoint: true } });
    if (!original) throw new ApiError("not_found", "No such webhook delivery in this business.");
    requireEnabled(original.endpoint);
    const payload = original.payload as { data?: Prisma.InputJsonObject; timestamp?: string };
    await queueDeliveries(tx, businessId, [original.endpoint], {
      eventId: original.eventId,
      type: original.eventType,
      data: payload.data ?? {},
      occurredAt: payload.timestamp ? new Date(payload.timestamp) : original.createdAt,
      replayOfId: original.id,
    });
    return original.endpointId;
  });
  return newestDelivery(replay);
}

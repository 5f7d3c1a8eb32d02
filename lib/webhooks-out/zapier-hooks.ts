import type { AuditActor } from "@/lib/audit/record-audit";
import { webhookEventCatalog, type WebhookEventType } from "./event-types";
import { eventIdFor, type WebhookEventPayload } from "./emit-event";
import { createEndpoint, deleteEndpoint } from "./manage-endpoints";

// Zapier REST hooks: a Zap turning on subscribes its URL to one event (POST /api/v1/hooks), turning off
// unsubscribes it (DELETE /api/v1/hooks/:id). The subscription is an ordinary endpoint flagged "zapier",
// delivered and signed like any other.
export async function subscribeZapierHook(businessId: string, actor: AuditActor, input: { target_url: string; event: WebhookEventType }) {
  const { endpoint } = await createEndpoint(businessId, actor, { url: input.target_url, events: [input.event], description: "Zapier" }, "zapier");
  return { id: endpoint.id, event: input.event, target_url: endpoint.url };
}

// Only hooks Zapier created can be removed this way; dashboard endpoints answer 404.
export function unsubscribeZapierHook(businessId: string, actor: AuditActor, id: string) {
  return deleteEndpoint(businessId, id, actor, { source: "zapier" });
}

// Zapier's "perform list": what an event looks like, so a Zap can be built before a real one happens.
export function samplePayloads(businessId: string, event: WebhookEventType): WebhookEventPayload[] {
  return [
    {
      id: eventIdFor(businessId, `sample:${event}`),
      type: event,
      timestamp: new Date().toISOString(),
      businessId,
      data: webhookEventCatalog[event].sample as WebhookEventPayload["data"],
    },
  ];
}

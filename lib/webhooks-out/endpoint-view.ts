import type { WebhookDelivery, WebhookEndpoint } from "@/lib/generated/prisma/client";
import { webhookDeliverySchema, webhookEndpointSchema, type WebhookDeliveryView, type WebhookEndpointView } from "./schemas";

// Parsing through the response schema drops the encrypted secret and anything else not meant to leave.
export function toEndpointView(endpoint: WebhookEndpoint): WebhookEndpointView {
  return webhookEndpointSchema.parse({ ...endpoint, rotationOverlapUntil: endpoint.previousSecretExpiresAt });
}

export function toDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return webhookDeliverySchema.parse(delivery);
}

import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { auditEntrySchema, auditLogQuerySchema } from "@/lib/audit/schemas";
import { webhookEventCatalog, webhookEventTypes } from "@/lib/webhooks-out/event-types";
import {
  createWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookDeliverySchema,
  webhookEndpointCreatedSchema,
  webhookEndpointSchema,
  zapierSubscribeSchema,
} from "@/lib/webhooks-out/schemas";

// Outbound webhooks, Zapier REST hooks and the audit log in the OpenAPI document (kept apart from document.ts).
interface Helpers {
  json: (schema: z.ZodType) => { content: { "application/json": { schema: z.ZodType } } };
  error: (description: string) => ZodOpenApiResponseObject;
  apiKeyOperation: (summary: string, scope: string, operation: Omit<ZodOpenApiOperationObject, "summary" | "security">) => ZodOpenApiOperationObject;
  sessionErrors: Record<string, ZodOpenApiResponseObject>;
  validationErrors: Record<string, ZodOpenApiResponseObject>;
}

const idParam = z.object({ id: z.string() });

export function webhookAndAuditPaths({ json, error, apiKeyOperation, sessionErrors, validationErrors }: Helpers): ZodOpenApiPathsObject {
  const session = (summary: string, operation: Omit<ZodOpenApiOperationObject, "summary">): ZodOpenApiOperationObject => ({
    summary,
    tags: ["Webhooks and activity"],
    security: [{ session: [] }],
    ...operation,
    responses: { ...operation.responses, ...sessionErrors },
  });
  const notFound = { "404": error("not_found: no such endpoint (or delivery) in this business.") };
  const delivery = json(z.object({ delivery: webhookDeliverySchema }));
  return {
    "/api/webhook-endpoints": {
      get: session("List webhook endpoints", { responses: { "200": { description: "Never the secrets.", ...json(z.object({ endpoints: z.array(webhookEndpointSchema) })) } } }),
      post: session("Add a webhook endpoint", {
        description: "Deliveries follow Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">` with the endpoint's `whsec_…` secret. https only in production; private, loopback and link-local addresses are refused.",
        requestBody: json(createWebhookEndpointSchema),
        responses: { "201": { description: "The endpoint and its secret, shown this once.", ...json(webhookEndpointCreatedSchema) }, "409": error("conflict: 20 endpoints already."), ...validationErrors },
      }),
    },
    "/api/webhook-endpoints/{id}": {
      patch: session("Change a webhook endpoint", {
        requestParams: { path: idParam },
        requestBody: json(updateWebhookEndpointSchema),
        responses: { "200": { description: "Updated. Enabling clears the failure streak.", ...json(z.object({ endpoint: webhookEndpointSchema })) }, ...notFound, ...validationErrors },
      }),
      delete: session("Delete a webhook endpoint", {
        requestParams: { path: idParam },
        responses: { "200": { description: "Deleted with its delivery log.", ...json(z.object({ success: z.literal(true) })) }, ...notFound },
      }),
    },
    "/api/webhook-endpoints/{id}/rotate-secret": {
      post: session("Rotate the signing secret", {
        requestParams: { path: idParam },
        responses: { "200": { description: "The new secret, shown this once. For 24 hours (until rotationOverlapUntil) the replaced secret also signs each delivery.", ...json(webhookEndpointCreatedSchema) }, ...notFound },
      }),
    },
    "/api/webhook-endpoints/{id}/test": {
      post: session("Send a test event", {
        requestParams: { path: idParam },
        responses: { "202": { description: "A webhook.test delivery, queued.", ...delivery }, "409": error("conflict: the endpoint is disabled."), ...notFound },
      }),
    },
    "/api/webhook-endpoints/{id}/deliveries": {
      get: session("Delivery log", {
        requestParams: { path: idParam, query: z.object({ limit: z.int().min(1).max(200).optional() }) },
        responses: { "200": { description: "Newest first.", ...json(z.object({ deliveries: z.array(webhookDeliverySchema) })) }, ...notFound },
      }),
    },
    "/api/webhook-deliveries/{id}/replay": {
      post: session("Replay a delivery", {
        requestParams: { path: idParam },
        responses: { "202": { description: "A new delivery of the same event (same webhook-id), queued.", ...delivery }, "409": error("conflict: the endpoint is disabled."), ...notFound },
      }),
    },
    "/api/audit-log": {
      get: session("Activity (audit log)", {
        description: "Owners and admins. `format=csv` answers a CSV file (up to 10,000 rows) instead of JSON.",
        requestParams: { query: auditLogQuerySchema },
        responses: {
          "200": {
            description: "Entries newest first, as sentences.",
            content: {
              "application/json": { schema: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() }) },
              "text/csv": { schema: z.string() },
            },
          },
          ...validationErrors,
        },
      }),
    },
    "/api/v1/hooks": {
      post: apiKeyOperation("Subscribe a REST hook (Zapier)", "webhooks:manage", {
        tags: ["Zapier REST hooks"],
        requestBody: json(zapierSubscribeSchema),
        responses: { "201": { description: "Subscribed: events of this type are POSTed to target_url.", ...json(z.object({ id: z.string(), event: z.string(), target_url: z.string() })) }, ...validationErrors },
      }),
    },
    "/api/v1/hooks/{id}": {
      delete: apiKeyOperation("Unsubscribe a REST hook", "webhooks:manage", {
        tags: ["Zapier REST hooks"],
        requestParams: { path: idParam },
        responses: { "200": { description: "Unsubscribed.", ...json(z.object({ success: z.literal(true) })) }, "404": error("not_found: no hook with this id was subscribed by a key of this business.") },
      }),
    },
    "/api/v1/hooks/sample/{event}": {
      get: apiKeyOperation("Sample payloads of an event", "webhooks:manage", {
        tags: ["Zapier REST hooks"],
        requestParams: { path: z.object({ event: z.enum(webhookEventTypes) }) },
        responses: { "200": { description: "Zapier's perform list: an array of payloads as they are delivered.", ...json(z.array(webhookPayloadSchema)) }, "404": error("not_found: no such event type.") },
      }),
    },
  };
}

export const webhookPayloadSchema = z
  .object({
    id: z.string().meta({ description: "The event id, also sent as webhook-id." }),
    type: z.enum(webhookEventTypes),
    timestamp: z.iso.datetime(),
    businessId: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "WebhookEvent" });

// OpenAPI 3.1 "webhooks": what Tangabiz POSTs to an endpoint, one entry per event type.
export function outgoingWebhooks(json: Helpers["json"]) {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          summary: type,
          description: `${webhookEventCatalog[type].description} Signed per Standard Webhooks; answer 2xx within 15 s. Retries: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; 410 disables the endpoint.`,
          requestBody: json(webhookPayloadSchema),
          responses: { "200": { description: "Any 2xx acknowledges the delivery." } },
        },
      },
    ]),
  );
}

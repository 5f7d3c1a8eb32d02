import { isIP } from "node:net";
import { z } from "zod";
import { env, isProduction } from "@/lib/env";
import { isPublicAddress } from "./destination";
import { webhookEventTypes } from "./event-types";

const timestamp = z.date().meta({ override: { type: "string", format: "date-time" } });
export const webhookEventTypeSchema = z.enum(webhookEventTypes).meta({ id: "WebhookEventType" });

// Read at validation time, so tests can switch it.
const allowPrivate = () => env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS;

// checked after DNS resolution, at every delivery).
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2048, "must be at most 2048 characters")
  // Local receivers (tests, development) are plain http; the same setting that allows private addresses allows them.
  .refine((value) => !isProduction || value.startsWith("https://") || allowPrivate(), "must use https")
  .refine((value) => {
    const url = URL.parse(value);
    return !url || (!url.username && !url.password);
  }, "must not contain a user name or password")
  .refine((value) => {
    const host = URL.parse(value)?.hostname.replace(/^\[|\]$/g, "");
    return !host || !isIP(host) || isPublicAddress(host) || allowPrivate();
  }, "must not point to a private, loopback or link-local address");

const eventList = z
  .array(webhookEventTypeSchema)
  .min(1, "choose at least one event")
  .max(webhookEventTypes.length)
  .transform((list) => [...new Set(list)]);

export const createWebhookEndpointSchema = z
  .strictObject({
    url: webhookUrlSchema,
    events: eventList,
    description: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .meta({ id: "CreateWebhookEndpointRequest" });

export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const updateWebhookEndpointSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    events: eventList.optional(),
    description: z.string().trim().max(200, "must be at most 200 characters").nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "send at least one of url, events, description, enabled")
  .meta({ id: "UpdateWebhookEndpointRequest" });

export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    source: z.enum(["dashboard", "zapier"]),
    failingSince: timestamp.nullable().meta({ description: "First failed delivery since the last success." }),
    disabledReason: z.string().nullable(),
    disabledAt: timestamp.nullable(),
    rotationOverlapUntil: timestamp
      .nullable()
      .meta({ description: "After a rotation, until this time the replaced secret also signs every delivery (a second signature in webhook-signature)." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointCreatedSchema = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: z.string().meta({ description: "whsec_… signing secret. Shown once; store it now." }),
  })
  .meta({ id: "WebhookEndpointCreated" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string().meta({ description: "The webhook-id header; replays keep it." }),
    eventType: z.string(),
    payload: z.unknown(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.int(),
    responseStatus: z.int().nullable(),
    responseBody: z.string().nullable(),
    latencyMs: z.int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: timestamp.nullable(),
    lastAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    replayOfId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "WebhookDelivery" });

export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const zapierSubscribeSchema = z
  .strictObject({ target_url: webhookUrlSchema, event: webhookEventTypeSchema })
  .meta({ id: "ZapierSubscribeRequest" });

import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { createApiKeySchema, createdApiKeySchema, apiKeySchema, rotateApiKeySchema } from "@/lib/api-keys/schemas";
import { closeBusinessSchema, registerBusinessSchema } from "@/lib/business/schemas";
import { integrationPaths } from "./integration-paths";
import { creditPaths } from "./credits-paths";
import { heartbeatSchema, posConfigSchema, posStatusResponseSchema, posTransactionResponseSchema, posTransactionSchema } from "@/lib/pos/schemas";
import { usageQueryParams, usageSummarySchema } from "@/lib/usage/schemas";
import { outgoingWebhooks, webhookAndAuditPaths } from "./webhook-paths";

// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with.

const errorSchema = z
  .object({ error: z.object({ code: z.string().meta({ example: "invalid_api_key" }), message: z.string() }) })
  .meta({ id: "Error" });

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(errorSchema) });

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per hour for this key." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets." }),
});

const apiKeyErrors = {
  "401": error("missing_api_key, invalid_api_key, api_key_expired or api_key_revoked."),
  "403": error("insufficient_scope, subscription_inactive when the business is suspended or canceled, or business_closed."),
  "429": { ...error("rate_limited: the key's hourly limit is used up, or too many invalid keys came from this address; see Retry-After."), headers: rateLimitHeaders.extend({ "Retry-After": z.string() }) },
};

function apiKeyOperation(summary: string, scope: string, operation: Omit<ZodOpenApiOperationObject, "summary" | "security">): ZodOpenApiOperationObject {
  return {
    summary,
    description: `${operation.description ?? ""}\n\nRequires an API key with the \`${scope}\` scope. Past-due businesses still work and get a \`Tangabiz-Billing-Warning\` header.`.trim(),
    tags: ["POS and mobile API"],
    security: [{ bearerKey: [] }, { headerKey: [] }],
    ...operation,
    responses: { ...operation.responses, ...apiKeyErrors },
  };
}

const sessionErrors = { "401": error("Not signed in."), "403": error("Your role does not allow this.") };
const validationErrors = { "400": error("invalid_json"), "422": error("validation_failed, naming the field.") };

export function buildOpenApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tangabiz API",
      version: "1.0.0",
      description: "POS terminals and mobile apps call these endpoints with an API key (`Authorization: Bearer tb_live_…` or `x-api-key`). Errors are always `{ error: { code, message } }`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerKey: { type: "http", scheme: "bearer", description: "tb_live_… or tb_test_… API key" },
        headerKey: { type: "apiKey", in: "header", name: "x-api-key" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        cron: { type: "http", scheme: "bearer", description: "CRON_SECRET" },
      },
    },
    webhooks: outgoingWebhooks(json),
    paths: {
      ...webhookAndAuditPaths({ json, error, apiKeyOperation, sessionErrors, validationErrors }),
      ...creditPaths({ json, error, apiKeyOperation, validationErrors, sessionErrors }),
      "/api/pos/status": {
        get: apiKeyOperation("Business status", "pos:read", { responses: { "200": { description: "Whether the business can trade.", ...json(posStatusResponseSchema) } } }),
      },
      "/api/pos/transactions": {
        post: apiKeyOperation("Record a transaction", "pos:write", {
          description: "Amounts are integers in minor units. Sending the same request with the same `reference` again returns the original event with `duplicate: true` and records nothing; a different request under a used `reference` is a 409 `idempotency_conflict`.",
          requestBody: json(posTransactionSchema),
          responses: {
            "201": { description: "Recorded.", ...json(posTransactionResponseSchema) },
            "200": { description: "Already recorded under this reference.", ...json(posTransactionResponseSchema) },
            "402": error("plan_limit_reached: the plan's monthly transactions are used up."),
            "409": error("idempotency_conflict: the reference was already used for a different transaction."),
            "503": error("database_unavailable: retry after the Retry-After seconds; nothing was recorded."),
            ...validationErrors,
          },
        }),
      },
      "/api/pos/heartbeat": {
        post: apiKeyOperation("Terminal heartbeat", "pos:read or pos:write", {
          requestBody: json(heartbeatSchema),
          responses: {
            "200": { description: "Seen.", ...json(z.object({ success: z.literal(true), timestamp: z.iso.datetime() })) },
            ...validationErrors,
          },
        }),
      },
      "/api/pos/config": {
        get: apiKeyOperation("Terminal settings", "pos:read", {
          responses: { "200": { description: "Settings edited by the owner.", ...json(z.object({ config: posConfigSchema, lastUpdated: z.iso.datetime().nullable() })) } },
        }),
      },
      "/api/v1/me": {
        get: apiKeyOperation("This key and its business", "any", {
          responses: {
            "200": {
              description: "The business, the key, plan and billing status.",
              ...json(
                z.object({
                  business: z.object({ id: z.string(), name: z.string() }),
                  apiKey: z.object({ prefix: z.string(), scopes: z.array(z.string()), environment: z.enum(["live", "test"]) }),
                  plan: z.enum(["free", "basic", "pro", "enterprise"]),
                  billingStatus: z.string(),
                }),
              ),
            },
          },
        }),
      },
      "/api/v1/usage": {
        get: apiKeyOperation("Usage for a period", "usage:read", {
          requestParams: { query: usageQueryParams },
          responses: { "200": { description: "Counts per event type; transaction totals per currency and type.", ...json(usageSummarySchema) }, "422": validationErrors["422"] },
        }),
      },
      "/api/api-keys": {
        get: { summary: "List API keys", tags: ["Dashboard"], security: [{ session: [] }], responses: { "200": { description: "Never the key or its hash.", ...json(z.object({ keys: z.array(apiKeySchema) })) }, ...sessionErrors } },
        post: {
          summary: "Create an API key",
          tags: ["Dashboard"],
          security: [{ session: [] }],
          requestBody: json(createApiKeySchema),
          responses: { "201": { description: "The full key, shown once.", ...json(createdApiKeySchema) }, ...sessionErrors, ...validationErrors },
        },
      },
      "/api/api-keys/{id}": {
        delete: {
          summary: "Revoke an API key",
          tags: ["Dashboard"],
          security: [{ session: [] }],
          requestParams: { path: z.object({ id: z.string() }) },
          responses: { "200": { description: "Revoked.", ...json(z.object({ success: z.literal(true) })) }, "404": error("not_found"), ...sessionErrors },
        },
      },
      "/api/api-keys/{id}/rotate": {
        post: {
          summary: "Rotate an API key",
          tags: ["Dashboard"],
          security: [{ session: [] }],
          requestParams: { path: z.object({ id: z.string() }) },
          requestBody: json(rotateApiKeySchema),
          responses: {
            "201": { description: "The new key, shown once; the old one works until previousKeyRevokesAt.", ...json(createdApiKeySchema.extend({ previousKeyRevokesAt: z.iso.datetime() })) },
            "404": error("not_found"),
            "409": error("conflict: the key is not active or was already rotated."),
            ...sessionErrors,
          },
        },
      },
      "/api/business/close": {
        post: {
          summary: "Close the business (owner)",
          description: "Cancels card billing at Stripe, revokes every API key, voids open invoices and cancels waiting payments. Invoices, payments, orders, usage and the audit log are kept. Businesses cannot be deleted.",
          tags: ["Dashboard"],
          security: [{ session: [] }],
          requestBody: json(closeBusinessSchema),
          responses: {
            "200": { description: "Closed.", ...json(z.object({ success: z.literal(true), closedAt: z.iso.datetime() })) },
            "409": error("business_closed: already closed."),
            "502": error("upstream_unavailable: Stripe did not cancel the subscription; nothing was closed."),
            ...sessionErrors,
            ...validationErrors,
          },
        },
      },
      "/api/business/register": {
        post: {
          summary: "Register a business",
          tags: ["Dashboard"],
          security: [{ session: [] }],
          requestBody: json(registerBusinessSchema),
          responses: {
            "201": { description: "The business on its plan and its first API key (shown once).", ...json(z.object({ business: z.object({ id: z.string(), name: z.string(), slug: z.string() }), apiKey: apiKeySchema.extend({ key: z.string() }) })) },
            "401": error("unauthorized, or invalid_cvt_api_key."),
            "409": error("conflict: the CVT account is registered already."),
            "502": error("upstream_unavailable: CVT did not answer."),
            "503": error("provider_not_configured: CVT verification is not configured."),
            ...validationErrors,
          },
        },
      },
      ...integrationPaths({ json, error, sessionErrors, validationErrors }),
      "/api/health": {
        get: {
          summary: "Health",
          tags: ["Operations"],
          responses: { "200": { description: "Up.", ...json(z.object({ ok: z.literal(true), db: z.string() })) }, "503": { description: "The database is down." } },
        },
      },
    },
  });
}

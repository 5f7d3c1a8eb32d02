import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { connectIntegrationSchema, integrationViewSchema, providerParam, syncRunSchema } from "@/lib/integrations/schemas";

interface Helpers {
  json: (schema: z.ZodType) => { content: { "application/json": { schema: z.ZodType } } };
  error: (description: string) => ZodOpenApiResponseObject;
  sessionErrors: Record<string, ZodOpenApiResponseObject>;
  validationErrors: Record<string, ZodOpenApiResponseObject>;
}

// The integrations routes (session: owners and admins), kept beside their schemas' module rather than in document.ts.
export function integrationPaths({ json, error, sessionErrors, validationErrors }: Helpers): ZodOpenApiPathsObject {
  const base = { tags: ["Integrations"], security: [{ session: [] }] };
  const provider = { path: z.object({ provider: providerParam }) };
  return {
    "/api/integrations": {
      get: {
        ...base,
        summary: "List integrations",
        description: "All eight providers with status (active, inactive, error), last sync and its counts. Secret fields only as their last 4 characters.",
        responses: { "200": { description: "The integrations.", ...json(z.object({ integrations: z.array(integrationViewSchema) })) }, ...sessionErrors },
      },
    },
    "/api/integrations/connect": {
      post: {
        ...base,
        summary: "Connect or reconfigure an integration",
        description:
          "The provider's fields are checked with a cheap call to the provider first; nothing is saved when it refuses them. Credentials are stored AES-256-GCM encrypted and replace earlier ones. OAuth consent flows are not supported yet: paste a token or key. Zapier connects through webhook endpoints instead (422).",
        requestBody: json(connectIntegrationSchema),
        responses: {
          "200": { description: "Connected; a first sync is queued.", ...json(z.object({ integration: integrationViewSchema })) },
          "422": error("validation_failed (a field, naming it) or integration_credentials_rejected (with the provider's answer)."),
          "502": error("upstream_unavailable: the provider did not answer or is rate limiting."),
          "400": validationErrors["400"],
          ...sessionErrors,
        },
      },
    },
    "/api/integrations/{provider}": {
      delete: {
        ...base,
        summary: "Disconnect an integration",
        description: "Deletes the credentials and stops queued syncs; the sync history stays.",
        requestParams: provider,
        responses: { "200": { description: "Disconnected.", ...json(z.object({ success: z.literal(true) })) }, "404": error("not_found: not connected."), ...sessionErrors },
      },
    },
    "/api/integrations/{provider}/sync": {
      post: {
        ...base,
        summary: "Sync now",
        description: "Queues a sync; follow it with GET /api/integrations/{provider}/runs?jobId=….",
        requestParams: provider,
        responses: {
          "202": { description: "Queued.", ...json(z.object({ jobId: z.string() })) },
          "404": error("not_found: not connected."),
          "409": error("conflict: the provider refused the credentials; reconfigure first."),
          ...sessionErrors,
        },
      },
    },
    "/api/integrations/{provider}/runs": {
      get: {
        ...base,
        summary: "Sync history",
        description: "Runs newest first, each with status, counts (sent, updated, skipped, failed), errors and duration.",
        requestParams: { ...provider, query: z.object({ jobId: z.string().optional(), limit: z.coerce.number().int().min(1).max(100).optional() }) },
        responses: { "200": { description: "The runs.", ...json(z.object({ runs: z.array(syncRunSchema) })) }, ...sessionErrors },
      },
    },
  };
}

import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  apiTopupSchema,
  completeJobSchema,
  createTopupSchema,
  creditSummarySchema,
  insufficientCreditsSchema,
  jobSchema,
  reserveJobSchema,
  reservedJobSchema,
} from "@/lib/credits/schemas";

type Json = (schema: z.ZodType) => { content: { "application/json": { schema: z.ZodType } } };
type ErrorResponse = (description: string) => { description: string; content: { "application/json": { schema: z.ZodType } } };

interface Helpers {
  json: Json;
  error: ErrorResponse;
  apiKeyOperation: (summary: string, scope: string, operation: Omit<ZodOpenApiOperationObject, "summary" | "security">) => ZodOpenApiOperationObject;
  validationErrors: Record<string, unknown>;
  sessionErrors: Record<string, unknown>;
}

// Issue 13's routes: credits and jobs for apps (API key), top-ups (dashboard and API), Shopify, crons.
export function creditPaths({ json, error, apiKeyOperation, validationErrors, sessionErrors }: Helpers): ZodOpenApiPathsObject {
  const taskId = { path: z.object({ taskId: z.string().meta({ description: "The taskId returned by POST /api/v1/jobs." }) }) };
  const topupResult = z.object({ orderId: z.string(), url: z.url(), provider: z.enum(["card", "mobile_money"]) });
  const cronResponses = { "200": { description: "What the run did.", ...json(z.record(z.string(), z.unknown())) }, "401": error("unauthorized: Authorization: Bearer CRON_SECRET.") };
  return {
    "/api/v1/credits": {
      get: apiKeyOperation("Credit balance", "credits:read or credits:write", {
        responses: { "200": { description: "Balance, available, reserved, both buckets and the plan period.", ...json(creditSummarySchema) } },
      }),
    },
    "/api/v1/jobs": {
      post: apiKeyOperation("Reserve credits for a job", "credits:write", {
        description:
          "Holds ceil(requestedSeconds / 5) credits, plan credits first, then top-up credits, until the job is completed, cancelled or the hold expires (default 1 h, at most 24 h). Send `Idempotency-Key` to make a retry return the same hold.",
        requestParams: { header: z.object({ "Idempotency-Key": z.string().max(200).optional() }) },
        requestBody: json(reserveJobSchema),
        responses: {
          "201": { description: "Held.", ...json(reservedJobSchema) },
          "200": { description: "A retry with the same Idempotency-Key: the first hold.", ...json(reservedJobSchema) },
          "402": { description: "insufficient_credits: nothing was held.", ...json(insufficientCreditsSchema) },
          "409": error("idempotency_conflict: the key was used for another request."),
          ...validationErrors,
        },
      }),
    },
    "/api/v1/jobs/{taskId}": {
      get: apiKeyOperation("A job's hold", "credits:read or credits:write", {
        requestParams: taskId,
        responses: { "200": { description: "reserved | settled | released | expired, with reserved, used and refunded credits.", ...json(jobSchema) }, "404": error("not_found (also for another business's task).") },
      }),
    },
    "/api/v1/jobs/{taskId}/complete": {
      post: apiKeyOperation("Complete a job", "credits:write", {
        description: "Charges ceil(actualSeconds / 5) credits, at most the hold, and returns the rest. A job that already left `reserved` answers its final state and moves nothing.",
        requestParams: taskId,
        requestBody: json(completeJobSchema),
        responses: { "200": { description: "The job after settling (or its final state).", ...json(jobSchema) }, "404": error("not_found"), ...validationErrors },
      }),
    },
    "/api/v1/jobs/{taskId}/cancel": {
      post: apiKeyOperation("Cancel a job", "credits:write", {
        description: "Releases the whole hold. A job that already left `reserved` answers its final state.",
        requestParams: taskId,
        responses: { "200": { description: "The job after release (or its final state).", ...json(jobSchema) }, "404": error("not_found") },
      }),
    },
    "/api/v1/checkout/topup": {
      post: apiKeyOperation("Start a credit top-up", "credits:write", {
        description: "Creates a pending order. `card`: the URL of a Stripe Checkout page; `mobile_money`: the invoice's public pay link. The credits are added once the payment lands.",
        requestBody: json(apiTopupSchema),
        responses: {
          "201": { description: "The order and where to pay it.", ...json(topupResult) },
          "503": error("provider_not_configured: that payment method is not set up."),
          ...validationErrors,
        },
      }),
    },
    "/api/v1/portal-link": {
      post: apiKeyOperation("Billing portal link", "credits:write", {
        responses: { "200": { description: "A Stripe billing portal session for card customers, else the dashboard's billing page.", ...json(z.object({ url: z.url(), kind: z.enum(["stripe_portal", "billing_page"]) })) } },
      }),
    },
    "/api/credits/topups": {
      post: {
        summary: "Buy a credit top-up",
        tags: ["Dashboard"],
        security: [{ session: [] }],
        description: "Owner only. Card → `{ orderId, sessionId, url }` of Stripe Checkout; mobile money → `{ orderId, invoice }` with the invoice's pay link.",
        requestBody: json(createTopupSchema),
        responses: {
          "201": {
            description: "The order and its payment.",
            ...json(
              z.union([
                z.object({ orderId: z.string(), sessionId: z.string(), url: z.url() }),
                z.object({ orderId: z.string(), invoice: z.object({ id: z.string(), number: z.string(), amountCents: z.int(), currency: z.string(), payUrl: z.url() }) }),
              ]),
            ),
          },
          "503": error("provider_not_configured"),
          ...sessionErrors,
          ...validationErrors,
        },
      },
    },
    "/api/credits/orders/{id}": {
      get: {
        summary: "A top-up order's state",
        tags: ["Dashboard"],
        security: [{ session: [] }],
        requestParams: { path: z.object({ id: z.string() }) },
        responses: { "200": { description: "pending | paid | failed | canceled, with the failure reason.", ...json(z.object({ order: z.record(z.string(), z.unknown()) })) }, "404": error("not_found"), ...sessionErrors },
      },
    },
    "/api/webhooks/shopify": {
      post: {
        summary: "Shopify webhook",
        tags: ["Webhooks"],
        description:
          "Verified with X-Shopify-Hmac-Sha256 (401 when bad or missing, 503 when SHOPIFY_WEBHOOK_SECRET is not set), recorded once per X-Shopify-Webhook-Id. orders/paid grants selling-plan credits and top-up SKU credits; a delivery that can never succeed is recorded failed and answered 200.",
        responses: {
          "200": { description: "Processed, ignored, failed (with the reason) or a duplicate.", ...json(z.object({ received: z.literal(true), status: z.string() })) },
          "401": error("invalid_signature"),
          "409": error("conflict: the same delivery is being processed; retry later."),
          "413": error("The body is larger than 1 MiB."),
          "503": error("provider_not_configured"),
        },
      },
    },
    "/api/cron/expire-reservations": { get: { summary: "Expire holds and roll plan periods", tags: ["Operations"], security: [{ cron: [] }], responses: cronResponses } },
    "/api/cron/credits-audit": { get: { summary: "Audit balances against the ledger", tags: ["Operations"], security: [{ cron: [] }], responses: cronResponses } },
  };
}

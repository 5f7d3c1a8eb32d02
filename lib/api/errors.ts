import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { Prisma } from "@/lib/generated/prisma/client";

// One error type and one code → status map for every route (CONVENTIONS.md §3).
// A code has one usual status; the few codes the API contract answers with another status in a
// particular place (e.g. plan_limit_reached: 403 for keys, 402 for transactions) pass it explicitly.
export const errorStatus = {
  invalid_json: 400,
  invalid_signature: 400,
  invalid_phone_number: 400,
  invalid_encoding: 400,
  incomplete_body: 400,
  validation_failed: 422,
  integration_credentials_rejected: 422,
  unauthorized: 401,
  missing_api_key: 401,
  invalid_api_key: 401,
  api_key_expired: 401,
  api_key_revoked: 401,
  invalid_cvt_api_key: 401,
  payment_required: 402,
  payment_declined: 402,
  insufficient_credits: 402,
  plan_limit_reached: 403,
  forbidden: 403,
  invalid_origin: 403,
  no_active_business: 403,
  insufficient_scope: 403,
  business_closed: 403,
  subscription_inactive: 403,
  not_found: 404,
  conflict: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  card_billing_active: 409,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  provider_unavailable: 501,
  upstream_unavailable: 502,
  provider_not_configured: 503,
  service_unavailable: 503,
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { status?: number; headers?: HeadersInit } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = options.status ?? errorStatus[code];
    this.headers = options.headers;
  }

  readonly headers?: HeadersInit;
}

export function errorResponse(code: ErrorCode, message: string, init: ResponseInit = {}): Response {
  return Response.json({ error: { code, message } }, { ...init, status: init.status ?? errorStatus[code] });
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

let lastUnavailableLog = 0;

export function handleApiError(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error.code, error.message, { status: error.status, headers: error.headers });
  if (error instanceof z.ZodError) return errorResponse("validation_failed", describeZodError(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return errorResponse("not_found", "The record does not exist.");
  }
  if (isDatabaseUnavailable(error)) {
    if (Date.now() - lastUnavailableLog > 10_000) console.error(`database unavailable: ${(error as Error).message}`);
    lastUnavailableLog = Date.now();
    return errorResponse("database_unavailable", "The database is not reachable right now. Please retry in a few seconds.", {
      headers: { "Retry-After": "5" },
    });
  }
  if (isUnstorableText(error)) return errorResponse("validation_failed", "A text value contains a character that cannot be stored (NUL).");
  console.error(error);
  return errorResponse("internal_error", "Something went wrong on our side. Please try again.");
}

// PostgreSQL 22021 / 22P05: NUL in text or jsonb, from input that reached the database another way than a JSON body.
function isUnstorableText(error: unknown): boolean {
  const text = `${(error as { code?: unknown })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /\b22021\b|\b22P05\b|invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/.test(text);
}

import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

// One error type and one code → status map for every route (CONVENTIONS.md §3).
export const errorStatus = {
  invalid_json: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  no_active_business: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  provider_not_configured: 503,
  service_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function errorResponse(code: ErrorCode, message: string, init?: ResponseInit): Response {
  return Response.json({ error: { code, message } }, { ...init, status: errorStatus[code] });
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
}

export function handleApiError(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error.code, error.message);
  if (error instanceof z.ZodError) return errorResponse("validation_failed", describeZodError(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return errorResponse("not_found", "The record does not exist.");
  }
  console.error(error);
  return errorResponse("internal_error", "Something went wrong on our side. Please try again.");
}

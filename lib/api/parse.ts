import type { z } from "zod";
import { ApiError } from "./errors";

const MAX_BODY_BYTES = 64 * 1024;

// Reads a JSON body and validates it; malformed JSON is a 400, a schema mismatch a 422 naming the field.
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) throw new ApiError("validation_failed", "body: larger than 64 KiB");
  // PostgreSQL cannot store NUL in text or jsonb; refuse it here rather than fail later with a 500.
  if (raw.includes("\\u0000")) throw new ApiError("validation_failed", "body: must not contain NUL characters (\\u0000)");
  let data: unknown;
  try {
    data = raw === "" ? {} : JSON.parse(raw);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
  return schema.parse(data);
}

export function parseSearchParams<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

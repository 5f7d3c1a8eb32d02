import type { z } from "zod";
import { assertStorableJson } from "./json-limits";
import { JSON_BODY_LIMIT, readBodyText } from "./read-body";

// Reads a JSON body through the size cap and validates it; malformed JSON is a 400, too large a 413, a schema
// mismatch (or text PostgreSQL cannot store: NUL, lone surrogates, nesting past the limit) a 422 naming the field.
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readBodyText(req, JSON_BODY_LIMIT);
  const data = raw === "" ? {} : assertStorableJson(raw);
  return schema.parse(data);
}

export function parseSearchParams<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}

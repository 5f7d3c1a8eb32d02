import { idempotencyKeySchema } from "./schemas";

// The optional Idempotency-Key header: absent → null, present → validated (a bad one is a 422 naming it).
export function readIdempotencyKey(req: Request): string | null {
  const value = req.headers.get("idempotency-key");
  return value === null ? null : idempotencyKeySchema.parse(value.trim());
}

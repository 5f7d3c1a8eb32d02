import { createHash } from "node:crypto";
import type { PosTransactionInput } from "./schemas";

// Objects with their keys sorted, so the same request hashes the same whatever the key order on the wire.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

// SHA-256 of what defines a POS transaction, stored with its reference: a retry hashes the same; a different
// transaction sent under a used reference does not.
export function posRequestHash(input: PosTransactionInput): string {
  const defining = {
    reference: input.reference,
    amount: input.amount,
    currency: input.currency,
    type: input.type,
    terminalId: input.terminalId ?? null,
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
    metadata: input.metadata ?? null,
  };
  return createHash("sha256").update(JSON.stringify(canonical(defining))).digest("hex");
}

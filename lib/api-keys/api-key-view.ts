import type { ApiKey } from "@/lib/generated/prisma/client";
import { apiKeySchema, type ApiKeyView } from "./schemas";

export function apiKeyStatus(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = new Date()): ApiKeyView["status"] {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

// Shapes a stored key for the API through the schema, so the hash can never leak by accident.
export function toApiKeyView(key: ApiKey): ApiKeyView {
  return apiKeySchema.parse({ ...key, status: apiKeyStatus(key) });
}

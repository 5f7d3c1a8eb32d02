import type { ApiKeyView } from "@/lib/api-keys/schemas";

// ApiKeyView as it crosses the wire: dates as ISO strings, both from the server page and from /api/api-keys.
export type ApiKeyRow = Omit<ApiKeyView, "createdAt" | "expiresAt" | "lastUsedAt" | "revokedAt"> & {
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export interface IssuedKey {
  key: string;
  apiKey: ApiKeyRow;
  previousKeyRevokesAt?: string;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toApiKeyRow(view: ApiKeyView): ApiKeyRow {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    expiresAt: iso(view.expiresAt),
    lastUsedAt: iso(view.lastUsedAt),
    revokedAt: iso(view.revokedAt),
  };
}

// A rotated key keeps working until revokedAt; the list shows it as retiring rather than active.
export function isRetiring(key: ApiKeyRow, now = Date.now()) {
  return key.status === "active" && key.revokedAt !== null && new Date(key.revokedAt).getTime() > now;
}

export const apiKeysQueryKey = ["api-keys"] as const;

import { z } from "zod";
import { apiKeyScopes, posScopes } from "./scopes";

const scope = z.enum(apiKeyScopes);

// How long a rotated key may keep working next to its replacement.
export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
const timestamp = z.date().meta({ override: { type: "string", format: "date-time" } });

export const createApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
    scopes: z
      .array(scope)
      .min(1, "choose at least one scope")
      .refine((list) => new Set(list).size === list.length, "must not repeat a scope")
      .default(posScopes),
    environment: z.enum(["live", "test"]).default("live"),
    expiresAt: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() > Date.now(), "must be in the future")
      .optional(),
    rateLimitPerHour: z.int().min(1).max(1_000_000).optional(),
  })
  .meta({ id: "CreateApiKeyRequest" });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const rotateApiKeySchema = z
  .strictObject({
    graceSeconds: z.int().min(0).max(MAX_GRACE_SECONDS, "must be at most 7 days (604800 seconds)").default(24 * 3600),
  })
  .meta({ id: "RotateApiKeyRequest" });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "First characters of the key, for recognising it." }),
    scopes: z.array(scope),
    environment: z.enum(["live", "test"]),
    status: z.enum(["active", "expired", "revoked"]),
    rateLimitPerHour: z.int().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable().meta({ description: "When the key stops (or stopped) working; in the future during a rotation's grace period." }),
  })
  .meta({ id: "ApiKey" });

export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = z
  .object({
    key: z.string().meta({ description: "The full key. Shown once: store it now." }),
    apiKey: apiKeySchema,
  })
  .meta({ id: "CreatedApiKey" });

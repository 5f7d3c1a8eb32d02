import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import { providers, type ProviderId } from "./catalog";

// Secret fields are encrypted together as one JSON value; other fields (list id, folder, instance URL) are settings.
export function splitFields(provider: ProviderId, fields: Record<string, string>) {
  const secrets: Record<string, string> = {};
  const settings: Record<string, string> = {};
  const hints: Record<string, string> = {};
  for (const field of providers[provider].fields) {
    const value = fields[field.key];
    if (value === undefined) continue;
    if (field.secret) {
      secrets[field.key] = value;
      hints[field.key] = maskSecret(value);
    } else settings[field.key] = value;
  }
  return { credentialsEncrypted: encryptSecret(JSON.stringify(secrets)), settings, hints };
}

export function readCredentials(encrypted: string): Record<string, string> {
  return JSON.parse(decryptSecret(encrypted)) as Record<string, string>;
}

export function maskSecret(value: string): string {
  return `••••${value.length > 8 ? value.slice(-4) : ""}`;
}

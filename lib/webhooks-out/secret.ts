import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

// whsec_<base64 of 32 random bytes>, the Standard Webhooks secret format.
export function generateWebhookSecret(): { secret: string; secretEncrypted: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, secretEncrypted: encryptSecret(secret) };
}

// After a rotation the previous secret signs beside the new one for a day: a receiver still on it keeps
// verifying until it has switched.
export const PREVIOUS_SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

interface EndpointSecrets {
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
}

export function signingSecrets(endpoint: EndpointSecrets, now: Date): string[] {
  const { secretEncrypted, previousSecretEncrypted, previousSecretExpiresAt } = endpoint;
  return previousSecretEncrypted && previousSecretExpiresAt && previousSecretExpiresAt > now ? [secretEncrypted, previousSecretEncrypted] : [secretEncrypted];
}

// Headers of one signed delivery: webhook-signature is v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per
// secret, separated by spaces (a Standard Webhooks receiver accepts the delivery when any of them verifies).
export function signedHeaders(secretsEncrypted: string[], eventId: string, at: Date, body: string): Record<string, string> {
  const signatures = secretsEncrypted.map((secret) => new Webhook(decryptSecret(secret)).sign(eventId, at, body));
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

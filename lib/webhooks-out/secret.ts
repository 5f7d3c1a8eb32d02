import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

// whsec_<base64 of 32 random bytes>, the Standard Webhooks secret format.
export function generateWebhookSecret(): { secret: string; secretEncrypted: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, secretEncrypted: encryptSecret(secret) };
}

// Headers of one signed delivery: webhook-signature is v1,<base64 HMAC-SHA256 of "id.timestamp.body">.
export function signedHeaders(secretEncrypted: string, eventId: string, at: Date, body: string): Record<string, string> {
  const signature = new Webhook(decryptSecret(secretEncrypted)).sign(eventId, at, body);
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

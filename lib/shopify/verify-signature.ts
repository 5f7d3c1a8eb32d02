import { createHmac, timingSafeEqual } from "node:crypto";

// X-Shopify-Hmac-Sha256: base64 of HMAC-SHA256 over the raw body bytes with the app's secret. Compared as
// 32-byte digests in constant time; anything that does not decode to 32 bytes is simply wrong.
export function verifyShopifySignature(rawBody: Buffer, header: string | null, secret: string): boolean {
  if (!header || header.length > 128) return false;
  const given = Buffer.from(header, "base64");
  if (given.length !== 32) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}

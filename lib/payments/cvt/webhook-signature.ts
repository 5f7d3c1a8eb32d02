import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";

// cvt-signature: hex HMAC-SHA256 of the raw body with CVT_WEBHOOK_SECRET. Missing or malformed → 400,
// wrong → 401; compared in constant time once the lengths are known to match.
export function verifyCvtSignature(rawBody: string, header: string | null, secret: string): void {
  if (!header) throw new ApiError("invalid_signature", "The cvt-signature header is missing.");
  const given = header.trim();
  if (!/^[0-9a-f]+$/i.test(given) || given.length !== 64) {
    throw new ApiError("invalid_signature", "The cvt-signature header is not a hex HMAC-SHA256.");
  }
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
  const received = Buffer.from(given, "hex");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new ApiError("invalid_signature", "The cvt-signature does not match this payload.", { status: 401 });
  }
}

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyShopifySignature } from "@/lib/shopify/verify-signature";

const secret = "hush-0123456789abcdef";
const body = Buffer.from('{"id":820982911946154500,"email":"jon@example.com"}');
const sign = (raw: Buffer, key = secret) => createHmac("sha256", key).update(raw).digest("base64");

describe("verifyShopifySignature", () => {
  it("accepts base64 HMAC-SHA256 of the raw bytes and nothing else", () => {
    expect(verifyShopifySignature(body, sign(body), secret)).toBe(true);
    expect(verifyShopifySignature(body, sign(body, "other-secret-0123456"), secret)).toBe(false);
    expect(verifyShopifySignature(Buffer.from(body.toString() + " "), sign(body), secret)).toBe(false);
    expect(verifyShopifySignature(body, createHmac("sha256", secret).update(body).digest("hex"), secret)).toBe(false);
    expect(verifyShopifySignature(body, null, secret)).toBe(false);
    expect(verifyShopifySignature(body, "", secret)).toBe(false);
    expect(verifyShopifySignature(body, "A".repeat(500), secret)).toBe(false);
  });
});

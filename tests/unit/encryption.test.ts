import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

describe("AES-256-GCM secrets", () => {
  it("round-trips with a fresh IV every time", () => {
    const a = encryptSecret("cvt_live_secret_value");
    const b = encryptSecret("cvt_live_secret_value");
    expect(a).not.toBe(b);
    expect(a).not.toContain("cvt_live_secret_value");
    expect(decryptSecret(a)).toBe("cvt_live_secret_value");
  });

  it("refuses a tampered ciphertext or tag", () => {
    const [version, iv, tag, data] = encryptSecret("hello").split(":");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
    expect(() => decryptSecret([version, iv, Buffer.alloc(16).toString("base64url"), data].join(":"))).toThrow();
    expect(() => decryptSecret("garbage")).toThrow();
  });
});

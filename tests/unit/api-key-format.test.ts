import { describe, expect, it } from "vitest";
import { checkApiKeyFormat, generateApiKey, hashApiKey } from "@/lib/api-keys/key-format";

describe("API key format", () => {
  it("generates tb_live_/tb_test_ keys with a valid checksum, a display prefix and a SHA-256 hash", () => {
    const live = generateApiKey("live");
    expect(live.key).toMatch(/^tb_live_[0-9A-Za-z]{30}$/);
    expect(checkApiKeyFormat(live.key)).toBe("live");
    expect(live.prefix).toBe(live.key.slice(0, 12));
    expect(live.hash).toBe(hashApiKey(live.key));
    expect(live.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkApiKeyFormat(generateApiKey("test").key)).toBe("test");
  });

  it("never repeats and carries at least 128 bits of randomness", () => {
    const keys = new Set(Array.from({ length: 2000 }, () => generateApiKey("live").key));
    expect(keys.size).toBe(2000);
    expect(24 * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  it("rejects a mistyped character, a swapped environment and malformed keys", () => {
    const { key } = generateApiKey("live");
    const i = 15;
    const typo = key.slice(0, i) + (key[i] === "a" ? "b" : "a") + key.slice(i + 1);
    expect(checkApiKeyFormat(typo)).toBeNull();
    expect(checkApiKeyFormat(key.replace("tb_live_", "tb_test_"))).toBeNull();
    for (const bad of ["", "tb_live_", "sk_live_abc", `${key}x`, key.slice(0, -1), key.toUpperCase()]) {
      expect(checkApiKeyFormat(bad)).toBeNull();
    }
  });
});

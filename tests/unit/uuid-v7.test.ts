import { describe, expect, it } from "vitest";
import { uuidv7 } from "@/lib/db/uuid-v7";

describe("uuidv7", () => {
  it("is an RFC 9562 version 7 UUID whose first 48 bits are the time in milliseconds", () => {
    const now = Date.UTC(2026, 10, 28, 12, 34, 56, 789);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now);
  });

  it("sorts by creation time and differs within the same millisecond", () => {
    const earlier = uuidv7(1_800_000_000_000);
    const later = uuidv7(1_800_000_000_001);
    expect(earlier < later).toBe(true);
    const sameMs = new Set(Array.from({ length: 1000 }, () => uuidv7(1_800_000_000_000)));
    expect(sameMs.size).toBe(1000);
  });
});

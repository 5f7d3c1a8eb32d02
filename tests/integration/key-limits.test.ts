import { describe, expect, it, vi } from "vitest";
import * as rotateRoute from "@/app/api/api-keys/[id]/rotate/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as status from "@/app/api/pos/status/route";
import { cachedApiKeyCounts, forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { prisma } from "@/lib/db";
import { withKey } from "../helpers/api-key";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";

vi.hoisted(() => {
  process.env.TRUST_PROXY_HEADER = "x-forwarded-for";
});

const rotate = (cookie: string, id: string, body: object) => call(rotateRoute.POST, `/api/api-keys/${id}/rotate`, { cookie, body, params: { id } });

describe("plan limits cannot be bypassed with keys", () => {
  it("a rotation's grace period is at most 7 days", async () => {
    const { owner, apiKeyId } = await createBusiness("Grace Shop");
    const res = await rotate(owner.cookie, apiKeyId, { graceSeconds: 2_592_000 });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "validation_failed", message: "graceSeconds: must be at most 7 days (604800 seconds)" });
    expect((await rotate(owner.cookie, apiKeyId, { graceSeconds: 604_800 })).status).toBe(201);
  });

  it("rotating the new key again while the old one is in grace is refused: at most 2 working keys on a 1-key plan", async () => {
    const { owner, business, apiKey, apiKeyId } = await createBusiness("Rotate Loop Shop");
    const first = await rotate(owner.cookie, apiKeyId, { graceSeconds: 3600 });
    expect(first.status).toBe(201);
    const second = await rotate(owner.cookie, first.json.apiKey.id, { graceSeconds: 3600 });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("conflict");
    expect(second.json.error.message).toContain("Rotate again after that, or revoke the old key first");
    const created = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "Extra" } });
    expect(created.status).toBe(403);
    expect(created.json.error.code).toBe("plan_limit_reached");

    const keys = [apiKey, first.json.key];
    const working = await Promise.all(keys.map((key) => withKey(status.GET, "/api/pos/status", key)));
    expect(working.map((r) => r.status)).toEqual([200, 200]);
    const now = new Date();
    expect(await prisma.apiKey.count({ where: { businessId: business.id, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] } })).toBe(2);

    // Once the old key stops (here: a rotation with no grace), the next rotation is allowed.
    await prisma.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date(Date.now() - 1000) } });
    expect((await rotate(owner.cookie, first.json.apiKey.id, { graceSeconds: 0 })).status).toBe(201);
  });

  it("a key's own rate limit may only be below the plan's", async () => {
    const { owner, business, apiKeyId } = await createBusiness("Limit Raise Shop");
    await prisma.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    const tooHigh = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "Fast", rateLimitPerHour: 1_000_000 } });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.json.error).toMatchObject({ code: "plan_limit_reached", message: expect.stringContaining("rateLimitPerHour: your Free plan allows at most 1,000 requests an hour per key") });
    const lower = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "Slow", rateLimitPerHour: 10 } });
    expect(lower.status).toBe(201);
    const res = await withKey(status.GET, "/api/pos/status", lower.json.key);
    expect(res.headers.get("ratelimit-limit")).toBe("10");

    // A key stored with a higher limit (e.g. before a downgrade) is held to the plan's.
    await prisma.apiKey.update({ where: { id: lower.json.apiKey.id }, data: { rateLimitPerHour: 1_000_000 } });
    forgetAllCachedApiKeys();
    const capped = await withKey(status.GET, "/api/pos/status", lower.json.key);
    expect(capped.headers.get("ratelimit-limit")).toBe("1000");
    expect(business.id).toBeTruthy();
  });
});

describe("made-up API keys", () => {
  it("failed lookups are limited per address (429), and unknown keys never enter the key cache", async () => {
    const { apiKey } = await createBusiness("Real Key Shop");
    forgetAllCachedApiKeys();
    expect((await withKey(status.GET, "/api/pos/status", apiKey, { headers: { "x-forwarded-for": "198.51.100.7" } })).status).toBe(200);
    expect(cachedApiKeyCounts().keys).toBe(1);

    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await withKey(status.GET, "/api/pos/status", generateApiKey("live").key, { headers: { "x-forwarded-for": "203.0.113.66" } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.json.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many invalid API keys from this address") });
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      } else expect(res.json.error.code).toBe("invalid_api_key");
    }
    expect(statuses).toEqual([...Array(30).fill(401), 429]);
    expect(cachedApiKeyCounts()).toEqual({ keys: 1, misses: 30 });

    // The limited address is refused even with a real key not in the cache; other addresses are not affected,
    // and a real key already in the cache keeps working without any lookup.
    expect((await withKey(status.GET, "/api/pos/status", apiKey, { headers: { "x-forwarded-for": "203.0.113.66" } })).status).toBe(200);
    expect((await withKey(status.GET, "/api/pos/status", generateApiKey("live").key, { headers: { "x-forwarded-for": "198.51.100.8" } })).status).toBe(401);
  });

  it("an address over the limit keeps its real keys once their cache entry expires; a key this instance never saw waits", async () => {
    const shop = await createBusiness("Shared Address Shop");
    const other = await createBusiness("Never Seen Shop");
    forgetAllCachedApiKeys();
    const address = { headers: { "x-forwarded-for": "203.0.113.90" } };
    expect((await withKey(status.GET, "/api/pos/status", shop.apiKey, address)).status).toBe(200);
    for (let i = 0; i < 31; i++) await withKey(status.GET, "/api/pos/status", generateApiKey("live").key, address);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31_000 }); // past the key cache's 30 s
    try {
      const again = await withKey(status.GET, "/api/pos/status", shop.apiKey, address);
      expect(again.status).toBe(200);
      const unseen = await withKey(status.GET, "/api/pos/status", other.apiKey, address);
      expect(unseen.status).toBe(429);
      expect(unseen.json.error.code).toBe("rate_limited");
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, it } from "vitest";
import * as keyRoute from "@/app/api/api-keys/[id]/route";
import * as rotateRoute from "@/app/api/api-keys/[id]/rotate/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as status from "@/app/api/pos/status/route";
import { generateApiKey } from "@/lib/api-keys/key-format";
import { flushLastUsed } from "@/lib/api-keys/touch-last-used";
import { prisma } from "@/lib/db";
import { setSubscription, withKey } from "../helpers/api-key";
import { addMember, createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";

describe("session routes for API keys", () => {
  it("registration creates a working 'Production' key, shown once", async () => {
    const { business, apiKey } = await createBusiness("Key Shop");
    expect(apiKey).toMatch(/^tb_live_/);
    const res = await withKey(status.GET, "/api/pos/status", apiKey);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "operational", billingStatus: "active" });
    const stored = await prisma.apiKey.findFirstOrThrow({ where: { businessId: business.id } });
    expect(stored).toMatchObject({ name: "Production", environment: "live", scopes: ["pos:read", "pos:write", "usage:read"] });
    expect(JSON.stringify(stored)).not.toContain(apiKey);
  });

  it("creates a key whose full value is returned once and never listed, within the plan limit", async () => {
    const { owner, business } = await createBusiness("Limit Shop");
    const overLimit = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "Till 2" } });
    expect(overLimit.status).toBe(403);
    expect(overLimit.json.error).toMatchObject({ code: "plan_limit_reached", message: expect.stringContaining("1 active API key") });

    await setSubscription(business.id, { plan: "basic" });
    const created = await call(keysRoute.POST, "/api/api-keys", {
      cookie: owner.cookie,
      body: { name: "Till 2", scopes: ["pos:read"], environment: "test", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^tb_test_/);
    expect(created.json.apiKey).toMatchObject({ name: "Till 2", scopes: ["pos:read"], environment: "test", status: "active", lastUsedAt: null });
    expect(created.json.apiKey.prefix).toBe(created.json.key.slice(0, 12));

    const list = await call(keysRoute.GET, "/api/api-keys", { cookie: owner.cookie });
    expect(list.status).toBe(200);
    expect(list.json.keys).toHaveLength(2);
    const text = JSON.stringify(list.json);
    expect(text).not.toContain(created.json.key);
    expect(text).not.toMatch(/"hash"|"key"/);
  });

  it("staff get 403 on every key route", async () => {
    const { owner, business, apiKeyId } = await createBusiness("Staff Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const routes = [
      call(keysRoute.GET, "/api/api-keys", { cookie: staff.cookie }),
      call(keysRoute.POST, "/api/api-keys", { cookie: staff.cookie, body: { name: "x" } }),
      call(keyRoute.DELETE, `/api/api-keys/${apiKeyId}`, { method: "DELETE", cookie: staff.cookie, params: { id: apiKeyId } }),
      call(rotateRoute.POST, `/api/api-keys/${apiKeyId}/rotate`, { cookie: staff.cookie, body: {}, params: { id: apiKeyId } }),
    ];
    for (const res of await Promise.all(routes)) expect(res.status).toBe(403);
  });

  it("rejects bad input naming the field", async () => {
    const { owner, business } = await createBusiness("Input Shop");
    await setSubscription(business.id, { plan: "pro" });
    const cases: [unknown, string][] = [
      [{}, "name"],
      [{ name: "x".repeat(65) }, "name"],
      [{ name: "ok", scopes: ["pos:admin"] }, "scopes"],
      [{ name: "ok", scopes: [] }, "scopes"],
      [{ name: "ok", environment: "prod" }, "environment"],
      [{ name: "ok", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "ok", rateLimitPerHour: 1.5 }, "rateLimitPerHour"],
    ];
    for (const [body, field] of cases) {
      const res = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body });
      expect(res.status).toBe(422);
      expect(res.json.error.message).toContain(field);
    }
    const malformed = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(await prisma.apiKey.count({ where: { businessId: business.id } })).toBe(1);
  });
});

describe("revocation and rotation", () => {
  it("a revoked key stops working at once", async () => {
    const { owner, apiKey, apiKeyId } = await createBusiness("Revoke Shop");
    expect((await withKey(status.GET, "/api/pos/status", apiKey)).status).toBe(200);
    const revoked = await call(keyRoute.DELETE, `/api/api-keys/${apiKeyId}`, { method: "DELETE", cookie: owner.cookie, params: { id: apiKeyId } });
    expect(revoked.json).toEqual({ success: true });
    const after = await withKey(status.GET, "/api/pos/status", apiKey);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe("api_key_revoked");
  });

  it("rotation returns a new key and keeps the old one for the grace period only", async () => {
    const { owner, apiKey, apiKeyId } = await createBusiness("Rotate Shop");
    const rotated = await call(rotateRoute.POST, `/api/api-keys/${apiKeyId}/rotate`, { cookie: owner.cookie, body: { graceSeconds: 3600 }, params: { id: apiKeyId } });
    expect(rotated.status).toBe(201);
    expect(rotated.json.key).not.toBe(apiKey);
    expect(new Date(rotated.json.previousKeyRevokesAt).getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect((await withKey(status.GET, "/api/pos/status", apiKey)).status).toBe(200);
    expect((await withKey(status.GET, "/api/pos/status", rotated.json.key)).status).toBe(200);

    const again = await call(rotateRoute.POST, `/api/api-keys/${apiKeyId}/rotate`, { cookie: owner.cookie, body: {}, params: { id: apiKeyId } });
    expect(again.status).toBe(409);

    const newId = rotated.json.apiKey.id;
    // One rotation in flight: the new key can be rotated once the old one has stopped.
    const tooSoon = await call(rotateRoute.POST, `/api/api-keys/${newId}/rotate`, { cookie: owner.cookie, body: { graceSeconds: 0 }, params: { id: newId } });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json.error.code).toBe("conflict");
    const revokeOld = await call(keyRoute.DELETE, `/api/api-keys/${apiKeyId}`, { method: "DELETE", cookie: owner.cookie, params: { id: apiKeyId } });
    expect(revokeOld.status).toBe(200);
    const immediate = await call(rotateRoute.POST, `/api/api-keys/${newId}/rotate`, { cookie: owner.cookie, body: { graceSeconds: 0 }, params: { id: newId } });
    expect(immediate.status).toBe(201);
    expect((await withKey(status.GET, "/api/pos/status", rotated.json.key)).json.error.code).toBe("api_key_revoked");
    expect((await withKey(status.GET, "/api/pos/status", immediate.json.key)).status).toBe(200);
  });
});

describe("concurrent rotation", () => {
  it("two rotations of one key at once: one succeeds, the other is refused, no extra active key", async () => {
    const { owner, business, apiKeyId } = await createBusiness("Double Click Shop");
    const rotate = () => call(rotateRoute.POST, `/api/api-keys/${apiKeyId}/rotate`, { cookie: owner.cookie, body: {}, params: { id: apiKeyId } });
    const results = await Promise.all([rotate(), rotate()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const keys = await prisma.apiKey.findMany({ where: { businessId: business.id } });
    expect(keys).toHaveLength(2);
    expect(keys.filter((k) => k.replacedById === null)).toHaveLength(1);
  });
});

describe("withApiKey errors", () => {
  it("answers each 401/403 with its code", async () => {
    const { business, apiKey } = await createBusiness("Error Shop");
    const missing = await call(status.GET, "/api/pos/status");
    expect([missing.status, missing.json.error.code]).toEqual([401, "missing_api_key"]);

    const typo = apiKey.slice(0, -1) + (apiKey.endsWith("a") ? "b" : "a");
    const invalid = await withKey(status.GET, "/api/pos/status", typo);
    expect([invalid.status, invalid.json.error.code]).toEqual([401, "invalid_api_key"]);

    const unknown = await withKey(status.GET, "/api/pos/status", generateApiKey("live").key);
    expect([unknown.status, unknown.json.error.code]).toEqual([401, "invalid_api_key"]);

    const viaHeader = await call(status.GET, "/api/pos/status", { headers: { "x-api-key": apiKey } });
    expect(viaHeader.status).toBe(200);

    const expiredKey = generateApiKey("live");
    await prisma.apiKey.create({
      data: { businessId: business.id, name: "old", prefix: expiredKey.prefix, hash: expiredKey.hash, scopes: ["pos:read"], expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await withKey(status.GET, "/api/pos/status", expiredKey.key);
    expect([expired.status, expired.json.error.code]).toEqual([401, "api_key_expired"]);

    const writeOnly = generateApiKey("live");
    await prisma.apiKey.create({ data: { businessId: business.id, name: "w", prefix: writeOnly.prefix, hash: writeOnly.hash, scopes: ["pos:write"] } });
    const scope = await withKey(status.GET, "/api/pos/status", writeOnly.key);
    expect([scope.status, scope.json.error.code]).toEqual([403, "insufficient_scope"]);
    expect(scope.json.error.message).toContain("pos:read");

    await setSubscription(business.id, { status: "past_due" });
    const pastDue = await withKey(status.GET, "/api/pos/status", apiKey);
    expect(pastDue.status).toBe(200);
    expect(pastDue.headers.get("Tangabiz-Billing-Warning")).toMatch(/past_due/);

    for (const inactive of ["suspended", "canceled"] as const) {
      await setSubscription(business.id, { status: inactive });
      const res = await withKey(status.GET, "/api/pos/status", apiKey);
      expect([res.status, res.json.error.code]).toEqual([403, "subscription_inactive"]);
    }
  });

  it("admits exactly the hourly limit under 1,100 concurrent requests and then answers 429 with headers", async () => {
    const { business, apiKey } = await createBusiness("Busy Shop");
    await prisma.apiKey.updateMany({ where: { businessId: business.id }, data: { rateLimitPerHour: 1000 } });
    await setSubscription(business.id, {});
    const results = await Promise.all(Array.from({ length: 1100 }, () => withKey(status.GET, "/api/pos/status", apiKey)));
    const admitted = results.filter((r) => r.status === 200);
    const limited = results.filter((r) => r.status === 429);
    expect(admitted).toHaveLength(1000);
    expect(limited).toHaveLength(100);
    const sample = limited[0];
    expect(sample.json.error.code).toBe("rate_limited");
    expect(Number(sample.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(sample.headers.get("RateLimit-Limit")).toBe("1000");
    expect(sample.headers.get("RateLimit-Remaining")).toBe("0");
    expect(Number(sample.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
    expect(admitted[0].headers.get("RateLimit-Limit")).toBe("1000");
  });
});

describe("tenancy", () => {
  it("an owner of A cannot revoke or rotate a key of B", async () => {
    const a = await createBusiness("Tenant Key A");
    const b = await createBusiness("Tenant Key B");
    const revoke = await call(keyRoute.DELETE, `/api/api-keys/${b.apiKeyId}`, { method: "DELETE", cookie: a.owner.cookie, params: { id: b.apiKeyId } });
    expect(revoke.status).toBe(404);
    const rotate = await call(rotateRoute.POST, `/api/api-keys/${b.apiKeyId}/rotate`, { cookie: a.owner.cookie, body: {}, params: { id: b.apiKeyId } });
    expect(rotate.status).toBe(404);
    expect((await withKey(status.GET, "/api/pos/status", b.apiKey)).status).toBe(200);
    const listA = await call(keysRoute.GET, "/api/api-keys", { cookie: a.owner.cookie });
    expect(listA.json.keys.map((k: { id: string }) => k.id)).toEqual([a.apiKeyId]);
  });
});

describe("last use of a key", () => {
  it("is written for every key used, in one flush, and not again within the minute", async () => {
    await flushLastUsed();
    const shops = await Promise.all([createBusiness("Used Shop A"), createBusiness("Used Shop B")]);
    const before = Date.now();
    for (const shop of shops) expect((await withKey(status.GET, "/api/pos/status", shop.apiKey)).status).toBe(200);
    expect(await flushLastUsed()).toBe(2);
    for (const shop of shops) {
      const stored = await prisma.apiKey.findFirstOrThrow({ where: { businessId: shop.business.id } });
      expect(stored.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(stored.lastUsedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect((await withKey(status.GET, "/api/pos/status", shops[0].apiKey)).status).toBe(200);
    expect(await flushLastUsed()).toBe(0);
  });
});

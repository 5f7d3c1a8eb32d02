import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeCvt, type FakeCvt } from "../fakes/cvt-server";

// lib/env is read once per module graph, so this file loads the routes after pointing CVT at the fake.
let cvt: FakeCvt;
let register: typeof import("@/app/api/business/register/route");
let http: typeof import("../helpers/http");
let db: typeof import("@/lib/db");
let crypto: typeof import("@/lib/crypto/encryption");

beforeAll(async () => {
  cvt = await startFakeCvt();
  vi.stubEnv("CVT_API_URL", cvt.url);
  vi.stubEnv("CVT_SECRET_KEY", cvt.secret);
  vi.stubEnv("CVT_TIMEOUT_MS", "300");
  vi.resetModules();
  [register, http, db, crypto] = await Promise.all([
    import("@/app/api/business/register/route"),
    import("../helpers/http"),
    import("@/lib/db"),
    import("@/lib/crypto/encryption"),
  ]);
});

afterAll(async () => {
  await cvt.close();
  vi.unstubAllEnvs();
});

async function registerWith(cvtApiKey: string) {
  const owner = await http.signUp("cvt-owner");
  const res = await http.call(register.POST, "/api/business/register", { cookie: owner.cookie, body: { businessName: "CVT Customer Ltd", cvtApiKey } });
  return { owner, res };
}

describe("registration with a CVT key", () => {
  it("verifies the key with CVT and stores the customer, the key encrypted and its hash", async () => {
    cvt.customers.set("cvt_live_good_key_1", { id: "cus_123", subscription: { status: "active", plan: "pro" } });
    const { res } = await registerWith("cvt_live_good_key_1");
    expect(res.status).toBe(201);
    expect(cvt.calls.at(-1)).toEqual({ path: "/v1/verify", authorization: `Bearer ${cvt.secret}`, body: { api_key: "cvt_live_good_key_1" } });

    const business = await db.prisma.business.findUniqueOrThrow({ where: { id: res.json.business.id }, include: { subscription: true } });
    expect(business.cvtCustomerId).toBe("cus_123");
    expect(business.cvtApiKeyEncrypted).not.toContain("cvt_live_good_key_1");
    expect(crypto.decryptSecret(business.cvtApiKeyEncrypted!)).toBe("cvt_live_good_key_1");
    expect(business.cvtApiKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(business.subscription).toMatchObject({ plan: "pro", status: "active", provider: "cvt" });

    const again = await registerWith("cvt_live_good_key_1");
    expect(again.res.status).toBe(409);
  });

  it.each([
    ["an invalid key", "cvt_live_unknown", 401, "invalid_cvt_api_key"],
    ["CVT down", "broken_key_123", 502, "upstream_unavailable"],
    ["CVT too slow", "slow_key_123", 502, "upstream_unavailable"],
  ])("%s (key %s) → %i and nothing created", async (_label, key, status, code) => {
    const before = await db.prisma.business.count();
    const started = Date.now();
    const { res } = await registerWith(key);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await db.prisma.business.count()).toBe(before);
  });
});

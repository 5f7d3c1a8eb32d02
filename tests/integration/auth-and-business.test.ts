import { describe, expect, it } from "vitest";
import * as register from "@/app/api/business/register/route";
import * as health from "@/app/api/health/route";
import { prisma } from "@/lib/db";
import { authCall, call, signUp } from "../helpers/http";

describe("sign-up and sign-in through the auth route handler", () => {
  it("signs up, signs in, and rejects a wrong password with 401", async () => {
    const user = await signUp("owner");
    const ok = await authCall("/sign-in/email", { body: { email: user.email, password: user.password } });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token"))).toBe(true);

    const wrong = await authCall("/sign-in/email", { body: { email: user.email, password: "wrong-password-1" } });
    expect(wrong.status).toBe(401);
  });
});

describe("POST /api/business/register", () => {
  it("creates a business on the free plan with the caller as owner", async () => {
    const owner = await signUp("owner");
    const res = await call(register.POST, "/api/business/register", {
      cookie: owner.cookie,
      body: { businessName: "Mbare Groceries", email: "billing@mbare.test" },
    });
    expect(res.status).toBe(201);
    expect(res.json.business).toMatchObject({ name: "Mbare Groceries", slug: expect.stringMatching(/^mbare-groceries/) });
    const id = res.json.business.id;
    const member = await prisma.member.findFirst({ where: { businessId: id } });
    expect(member).toMatchObject({ userId: owner.userId, role: "owner" });
    const subscription = await prisma.subscription.findUnique({ where: { businessId: id } });
    expect(subscription).toMatchObject({ plan: "free", status: "active" });
  });

  it("makes slugs unique", async () => {
    const a = await signUp("a");
    const b = await signUp("b");
    const first = await call(register.POST, "/api/business/register", { cookie: a.cookie, body: { businessName: "Same Name Ltd" } });
    const second = await call(register.POST, "/api/business/register", { cookie: b.cookie, body: { businessName: "Same Name Ltd" } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.business.slug).not.toBe(first.json.business.slug);
  });

  it("answers 401 without a session", async () => {
    const res = await call(register.POST, "/api/business/register", { body: { businessName: "Nobody" } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it.each([
    ["malformed JSON", { rawBody: "{nope", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    ["missing name", { body: {} }, 422, "validation_failed"],
    ["wrong type", { body: { businessName: 42 } }, 422, "validation_failed"],
    ["over-long name", { body: { businessName: "x".repeat(81) } }, 422, "validation_failed"],
    ["bad email", { body: { businessName: "Fine Name", email: "not-an-email" } }, 422, "validation_failed"],
    ["unknown field", { body: { businessName: "Fine Name", plan: "pro" } }, 422, "validation_failed"],
  ])("rejects %s and writes nothing", async (_label, options, status, code) => {
    const owner = await signUp("bad");
    const before = await prisma.business.count();
    const res = await call(register.POST, "/api/business/register", { cookie: owner.cookie, ...options });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(typeof res.json.error.message).toBe("string");
    expect(await prisma.business.count()).toBe(before);
  });
});

describe("GET /api/health", () => {
  it("reports the database version", async () => {
    const res = await call(health.GET, "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, db: expect.stringMatching(/^PostgreSQL \d+/) });
  });
});

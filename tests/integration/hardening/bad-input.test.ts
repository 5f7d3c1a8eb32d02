import { describe, expect, it } from "vitest";
import * as posTransactions from "@/app/api/pos/transactions/route";
import * as posConfig from "@/app/api/business/pos-config/route";
import * as businessRoute from "@/app/api/business/route";
import * as registerRoute from "@/app/api/business/register/route";
import { prisma } from "@/lib/db";
import { withKey } from "../../helpers/api-key";
import { createBusiness } from "../../helpers/fixtures";
import { authCall, call, signUp } from "../../helpers/http";

const LONE_SURROGATE = '"\\ud800"';

describe("free-form JSON is bounded and text must be storable (422, not 500)", () => {
  it("metadata nested 6,000 arrays deep (12 KB) → 422 validation_failed, nothing recorded", async () => {
    const { apiKey, business } = await createBusiness("Deep Shop");
    const deep = "[".repeat(6000) + "]".repeat(6000);
    const rawBody = `{"amount":100,"currency":"USD","type":"sale","reference":"deep-1","metadata":{"x":${deep}}}`;
    const res = await withKey(posTransactions.POST, "/api/pos/transactions", apiKey, { rawBody, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({ code: "validation_failed", message: "body: nested deeper than 32 levels" });
    expect(await prisma.usageEvent.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("a lone surrogate in transaction metadata → 422 naming the field", async () => {
    const { apiKey } = await createBusiness("Surrogate Meta Shop");
    const rawBody = `{"amount":100,"currency":"USD","type":"sale","reference":"s-1","metadata":{"note":${LONE_SURROGATE}}}`;
    const res = await withKey(posTransactions.POST, "/api/pos/transactions", apiKey, { rawBody, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toEqual({ code: "validation_failed", message: "metadata.note: must not contain unpaired UTF-16 surrogates (e.g. \\ud800)" });
  });

  it("a lone surrogate in a business name (rename and register) → 422", async () => {
    const { owner, business } = await createBusiness("Surrogate Name Shop");
    const json = { "content-type": "application/json" };
    const rename = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: owner.cookie, headers: json, rawBody: `{"name":"Shop ${"\\ud800"}"}` });
    expect(rename.status).toBe(422);
    expect(rename.json.error.message).toBe("name: must not contain unpaired UTF-16 surrogates (e.g. \\ud800)");
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).name).toBe("Surrogate Name Shop");

    const newcomer = await signUp("newcomer");
    const register = await call(registerRoute.POST, "/api/business/register", { cookie: newcomer.cookie, headers: json, rawBody: `{"businessName":"A ${"\\udfff"} B"}` });
    expect(register.status).toBe(422);
    expect(register.json.error.code).toBe("validation_failed");
  });

  it("a lone surrogate in a receipt header → 422", async () => {
    const { owner } = await createBusiness("Surrogate Receipt Shop");
    const res = await call(posConfig.PUT, "/api/business/pos-config", {
      method: "PUT",
      cookie: owner.cookie,
      headers: { "content-type": "application/json" },
      rawBody: `{"receiptHeader":${LONE_SURROGATE}}`,
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toBe("receiptHeader: must not contain unpaired UTF-16 surrogates (e.g. \\ud800)");
  });

  it("properly paired surrogates (emoji) are fine", async () => {
    const { owner } = await createBusiness("Emoji Shop");
    const res = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: owner.cookie, body: { name: "Emoji Shop 🛒" } });
    expect(res.status).toBe(200);
    expect(res.json.business.name).toBe("Emoji Shop 🛒");
  });
});

describe("Better Auth inputs are validated (400, not 500)", () => {
  const updateUser = (cookie: string, rawBody: string) =>
    authCall("/update-user", { method: "POST", cookie, headers: { "content-type": "application/json" }, rawBody });

  it.each([
    ['{"name":12345}', "name"],
    ['{"name":["a","b"]}', "name"],
    ['{"name":null}', "name"],
    ['{"name":"Ann\\u0000ie"}', "name"],
    [`{"name":${LONE_SURROGATE}}`, "name"],
    ['{"image":12}', "image"],
  ])("/update-user %s → 400 naming %s", async (rawBody, field) => {
    const user = await signUp("updater");
    const res = await updateUser(user.cookie, rawBody);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("INVALID_INPUT");
    expect(res.json.message).toContain(field);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).name).toBe("updater");
  });

  it("/organization/update with NUL in the name → 400", async () => {
    const { owner, business } = await createBusiness("Nul Org Shop");
    const res = await authCall("/organization/update", {
      method: "POST",
      cookie: owner.cookie,
      headers: { "content-type": "application/json" },
      rawBody: `{"organizationId":"${business.id}","data":{"name":"Bad\\u0000Name"}}`,
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("INVALID_INPUT");
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).name).toBe("Nul Org Shop");
  });

  it("/reset-password with NUL in the token or password → 400", async () => {
    for (const rawBody of ['{"token":"abc\\u0000","newPassword":"a-long-enough-passphrase"}', '{"token":"abc","newPassword":"long\\u0000enough-passphrase"}']) {
      const res = await authCall("/reset-password", { method: "POST", headers: { "content-type": "application/json" }, rawBody });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe("INVALID_INPUT");
    }
  });
});

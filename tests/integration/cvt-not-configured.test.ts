import { describe, expect, it } from "vitest";
import * as register from "@/app/api/business/register/route";
import * as cvtWebhook from "@/app/api/webhooks/cvt/route";
import { prisma } from "@/lib/db";
import { call, signUp } from "../helpers/http";

describe("registration with a CVT key when CVT is not configured", () => {
  it("answers 503 provider_not_configured and creates nothing", async () => {
    const owner = await signUp("no-cvt");
    const res = await call(register.POST, "/api/business/register", { cookie: owner.cookie, body: { businessName: "No CVT", cvtApiKey: "cvt_live_whatever" } });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("provider_not_configured");
    expect(await prisma.business.count({ where: { name: "No CVT" } })).toBe(0);
  });
});

describe("CVT webhook when CVT_WEBHOOK_SECRET is not set", () => {
  it("answers 503 provider_not_configured and records nothing", async () => {
    const body = JSON.stringify({ id: "evt_unconfigured", type: "charge.succeeded", data: {} });
    const res = await call(cvtWebhook.POST, "/api/webhooks/cvt", { rawBody: body, headers: { "cvt-signature": "a".repeat(64) } });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("provider_not_configured");
    expect(await prisma.webhookEvent.count({ where: { provider: "cvt", eventId: "evt_unconfigured" } })).toBe(0);
  });
});

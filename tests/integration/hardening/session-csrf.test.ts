import { describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as rotateRoute from "@/app/api/api-keys/[id]/rotate/route";
import * as businessRoute from "@/app/api/business/route";
import { prisma } from "@/lib/db";
import { createBusiness } from "../../helpers/fixtures";
import { call } from "../../helpers/http";

const patch = (cookie: string, headers: Record<string, string>, rawBody = JSON.stringify({ contactEmail: "attacker@evil.example" })) =>
  call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie, headers, rawBody });

describe("session routes refuse cross-site writes (CSRF)", () => {
  it("PATCH /api/business from another origin with text/plain → 403 invalid_origin, nothing changed", async () => {
    const { owner, business } = await createBusiness("Csrf Shop");
    const res = await patch(owner.cookie, { origin: "http://evil.example", "content-type": "text/plain" });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: "invalid_origin", message: "Requests from http://evil.example may not change data here." });
    const after = await prisma.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(after.contactEmail).not.toBe("attacker@evil.example");
  });

  it("another origin is refused even with a JSON body", async () => {
    const { owner } = await createBusiness("Csrf Json Shop");
    const res = await patch(owner.cookie, { origin: "http://evil.example", "content-type": "application/json" });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("invalid_origin");
  });

  it("our own origin with text/plain → 415 unsupported_media_type, nothing changed", async () => {
    const { owner, business } = await createBusiness("Csrf Text Shop");
    const res = await patch(owner.cookie, { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe("unsupported_media_type");
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).contactEmail).not.toBe("attacker@evil.example");
  });

  it("no Origin: accepted with Sec-Fetch-Site same-origin, refused with cross-site or nothing", async () => {
    const { owner } = await createBusiness("Csrf Fetch Site Shop");
    const noOrigin = (headers: Record<string, string>) =>
      new Request("http://localhost:3000/api/business", {
        method: "PATCH",
        headers: { cookie: owner.cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ contactEmail: "billing@csrf.example" }),
      });
    const ctx = { params: Promise.resolve({}) };
    const crossSite = await businessRoute.PATCH(noOrigin({ "sec-fetch-site": "cross-site" }), ctx);
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe("invalid_origin");
    const bare = await businessRoute.PATCH(noOrigin({}), ctx);
    expect(bare.status).toBe(403);
    expect((await bare.json()).error.code).toBe("invalid_origin");
    const sameOrigin = await businessRoute.PATCH(noOrigin({ "sec-fetch-site": "same-origin" }), ctx);
    expect(sameOrigin.status).toBe(200);
    expect((await sameOrigin.json()).business.contactEmail).toBe("billing@csrf.example");
  });

  it("a body without a content type is refused; a POST without a body is not", async () => {
    const { owner, apiKeyId } = await createBusiness("Csrf Blob Shop");
    const blob = await call(apiKeysRoute.POST, "/api/api-keys", {
      cookie: owner.cookie,
      headers: { "content-length": "20" },
      rawBody: JSON.stringify({ name: "Till 2" }).padEnd(20),
    });
    expect(blob.status).toBe(415);
    expect(blob.json.error.code).toBe("unsupported_media_type");
    const rotate = await call(rotateRoute.POST, "/api/api-keys/x/rotate", { method: "POST", cookie: owner.cookie, params: { id: apiKeyId } });
    expect(rotate.status).toBe(201);
  });

  it("GET is not affected by the Origin check", async () => {
    const { owner } = await createBusiness("Csrf Get Shop");
    const res = await call(businessRoute.GET, "/api/business", { cookie: owner.cookie, headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(200);
  });
});

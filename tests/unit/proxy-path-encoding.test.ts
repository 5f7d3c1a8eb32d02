import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

describe("proxy: paths that are not valid percent-encoded UTF-8", () => {
  it.each(["/api/api-keys/%ED%A0%80", "/api/billing/payments/%ED%A0%80/status", "/api/pay/%ED%A0%80", "/pay/%FF", "/accept-invitation/%E0%A4"])(
    "%s → 400 invalid_encoding with the error shape",
    async (path) => {
      const res = proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "invalid_encoding", message: "The URL path is not valid percent-encoded UTF-8." } });
    },
  );

  it("passes valid paths through, and stays off the POS and mobile API", () => {
    expect(proxy(new NextRequest("http://localhost:3000/api/pay/abc%20def")).headers.get("x-middleware-next")).toBe("1");
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    expect(matcher.test("/api/pay/x")).toBe(true);
    expect(matcher.test("/api/pos/transactions")).toBe(false);
    expect(matcher.test("/api/v1/me")).toBe(false);
    expect(matcher.test("/api/ping")).toBe(false);
  });
});

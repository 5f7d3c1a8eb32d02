import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

async function headersFor(production: boolean) {
  const previous = process.env.NODE_ENV;
  (process.env as Record<string, string>).NODE_ENV = production ? "production" : "development";
  try {
    const rules = await nextConfig.headers!();
    expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
    return Object.fromEntries(rules[0].headers.map((h) => [h.key, h.value]));
  } finally {
    (process.env as Record<string, string>).NODE_ENV = previous!;
  }
}

describe("security headers on every response", () => {
  it("production: CSP without eval, no framing, nosniff, referrer policy, HSTS", async () => {
    const headers = await headersFor(true);
    const csp = headers["Content-Security-Policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("development: no HSTS (localhost is http), eval allowed for React's dev tooling", async () => {
    const headers = await headersFor(false);
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });
});

import { describe, expect, it } from "vitest";
import { originRefusalMessage } from "@/lib/auth/explain-origin-error";
import { trustedOriginsFor } from "@/lib/auth/trusted-origins";

const requestTo = (host: string) => new Request(`http://${host}/api/auth/sign-in/email`, { headers: { host } });

describe("trusted origins", () => {
  it("trusts the address a development server was reached on, on any port", () => {
    const origins = trustedOriginsFor(requestTo("localhost:3555"), "development");
    expect(origins).toContain("http://localhost:3555");
    expect(origins).toContain("http://localhost:3000");
  });

  it("trusts only APP_URL and TRUSTED_ORIGINS in production and tests", () => {
    expect(trustedOriginsFor(requestTo("localhost:3555"), "production")).toEqual(["http://localhost:3000"]);
    expect(trustedOriginsFor(requestTo("localhost:3555"), "test")).toEqual(["http://localhost:3000"]);
  });

  it("ignores a Host header that is not a host", () => {
    expect(trustedOriginsFor(requestTo("localhost:3555"), "development")).toHaveLength(3);
    const odd = new Request("http://localhost:3000/x", { headers: { host: "evil.test/path" } });
    expect(trustedOriginsFor(odd, "development")).toEqual(["http://localhost:3000"]);
  });

  it("names the setting to change when an origin is refused", () => {
    expect(originRefusalMessage("http://localhost:3555")).toContain("APP_URL=http://localhost:3555");
    expect(originRefusalMessage("http://localhost:3555")).toContain("TRUSTED_ORIGINS");
    expect(originRefusalMessage(null)).toContain("APP_URL");
  });
});

import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/components/auth/safe-redirect";

// How the sign-in page receives ?redirect=…: decoded once by URLSearchParams.
const fromQuery = (raw: string) => new URLSearchParams(`redirect=${raw}`).get("redirect");

describe("safeRedirect", () => {
  it.each([
    ["/%09/evil.example/pwned"],
    ["/%0A/evil.example"],
    ["/%0D/evil.example"],
    ["/%5Cevil.example"],
    ["/%5C%5Cevil.example"],
    ["//evil.example"],
    ["//evil.example@good.example"],
    ["/%2F/evil.example"],
    ["https://evil.example"],
    ["javascript:alert(1)"],
    ["%20javascript:alert(1)"],
    ["/%09javascript:alert(1)"],
    ["evil.example"],
    ["@evil.example"],
    [""],
  ])("%s → the fallback", (raw) => {
    expect(safeRedirect(fromQuery(raw))).toBe("/dashboard");
  });

  it.each([
    ["/dashboard/billing", "/dashboard/billing"],
    ["/accept-invitation/abc123", "/accept-invitation/abc123"],
    ["/dashboard?tab=keys%26more#top", "/dashboard?tab=keys&more#top"],
    ["/@evil.example", "/@evil.example"],
    ["/a/../dashboard", "/dashboard"],
  ])("%s stays on this site as %s", (raw, expected) => {
    expect(safeRedirect(fromQuery(raw))).toBe(expected);
  });

  it("uses the given fallback and refuses null", () => {
    expect(safeRedirect(null, "/onboarding")).toBe("/onboarding");
    expect(safeRedirect("//evil.example", "/onboarding")).toBe("/onboarding");
  });
});

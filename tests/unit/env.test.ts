import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnvWith(values: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  return import("@/lib/env");
}

afterEach(() => vi.unstubAllEnvs());

describe("lib/env", () => {
  it("refuses to start in production without secrets and names them", async () => {
    await expect(
      loadEnvWith({ NODE_ENV: "production", BETTER_AUTH_SECRET: undefined, ENCRYPTION_KEY: undefined, CRON_SECRET: undefined }),
    ).rejects.toThrow(/BETTER_AUTH_SECRET, ENCRYPTION_KEY, CRON_SECRET/);
  });

  it("rejects malformed values with the variable's name", async () => {
    await expect(loadEnvWith({ ENCRYPTION_KEY: "short" })).rejects.toThrow(/ENCRYPTION_KEY: must be 64 hex characters/);
    await expect(loadEnvWith({ APP_URL: "not a url" })).rejects.toThrow(/APP_URL/);
  });

  it("accepts a complete production configuration", async () => {
    const { env } = await loadEnvWith({
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: "cd".repeat(32),
      CRON_SECRET: "cron-secret-of-enough-length",
    });
    expect(env.ENCRYPTION_KEY).toBe("cd".repeat(32));
  });
});

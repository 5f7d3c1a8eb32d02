import { describe, expect, it, vi } from "vitest";

describe("GET /api/health with the database down", () => {
  it("answers 503 quickly with a clear error", async () => {
    vi.resetModules();
    const saved = (globalThis as { tangabizDb?: unknown }).tangabizDb;
    delete (globalThis as { tangabizDb?: unknown }).tangabizDb;
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere");
    try {
      const { GET } = await import("@/app/api/health/route");
      const started = Date.now();
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: "service_unavailable" } });
      expect(Date.now() - started).toBeLessThan(4000);
      const { database } = await import("@/lib/db");
      await database.close();
    } finally {
      vi.unstubAllEnvs();
      (globalThis as { tangabizDb?: unknown }).tangabizDb = saved;
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("is OpenAPI 3.1 and covers every API-key route with its errors", () => {
    expect(doc.openapi).toBe("3.1.0");
    const apiKeyRoutes: [string, "get" | "post"][] = [
      ["/api/pos/status", "get"],
      ["/api/pos/transactions", "post"],
      ["/api/pos/heartbeat", "post"],
      ["/api/pos/config", "get"],
      ["/api/v1/me", "get"],
      ["/api/v1/usage", "get"],
    ];
    for (const [path, method] of apiKeyRoutes) {
      const operation = doc.paths?.[path]?.[method];
      expect(operation, path).toBeDefined();
      expect(Object.keys(operation!.responses ?? {})).toEqual(expect.arrayContaining(["401", "403", "429"]));
    }
  });

  it("describes request bodies from the same zod schemas the routes use", () => {
    const schema = doc.components?.schemas?.PosTransactionRequest as { required: string[]; properties: Record<string, { type?: string }> };
    expect(schema.required).toEqual(expect.arrayContaining(["amount", "currency", "type", "reference"]));
    expect(schema.properties.amount.type).toBe("integer");
    expect(doc.components?.schemas?.ApiKey).toBeDefined();
    expect(JSON.stringify(doc.components?.schemas?.ApiKey)).not.toContain('"hash"');
  });
});

describe("OpenAPI document: credits (issue 13)", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");

  it("covers the credits, jobs, top-up, portal, Shopify and cron routes", () => {
    const routes: [string, "get" | "post"][] = [
      ["/api/v1/credits", "get"],
      ["/api/v1/jobs", "post"],
      ["/api/v1/jobs/{taskId}", "get"],
      ["/api/v1/jobs/{taskId}/complete", "post"],
      ["/api/v1/jobs/{taskId}/cancel", "post"],
      ["/api/v1/checkout/topup", "post"],
      ["/api/v1/portal-link", "post"],
      ["/api/credits/topups", "post"],
      ["/api/credits/orders/{id}", "get"],
      ["/api/webhooks/shopify", "post"],
      ["/api/cron/expire-reservations", "get"],
      ["/api/cron/credits-audit", "get"],
    ];
    for (const [path, method] of routes) expect(doc.paths?.[path]?.[method], path).toBeDefined();
    expect(Object.keys(doc.paths?.["/api/v1/jobs"]?.post?.responses ?? {})).toEqual(expect.arrayContaining(["201", "402", "401", "403", "429"]));
    expect(doc.components?.schemas?.InsufficientCredits).toBeDefined();
  });
});

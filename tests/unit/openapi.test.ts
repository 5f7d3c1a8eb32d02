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

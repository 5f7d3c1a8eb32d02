import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { curlExample } from "@/lib/openapi/curl-example";
import { posTransactionSchema } from "@/lib/pos/schemas";

describe("curl examples of the API reference", () => {
  const doc = buildOpenApiDocument("http://localhost:3000");
  const components = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const operation = (path: string, method: string) =>
    ({ method, path, ...((doc.paths as Record<string, Record<string, object>>)[path][method] as object) }) as Parameters<typeof curlExample>[1];

  it("sends the API key and a body the route accepts", () => {
    const command = curlExample("http://localhost:3000", operation("/api/pos/transactions", "post"), components);
    expect(command).toContain("curl -X POST http://localhost:3000/api/pos/transactions");
    expect(command).toContain('-H "Authorization: Bearer $TANGABIZ_API_KEY"');
    const body = JSON.parse(command.match(/-d '(.*)'$/)![1]);
    expect(posTransactionSchema.safeParse(body).success).toBe(true);
  });

  it("writes a GET without -X and puts path parameters in angle brackets", () => {
    expect(curlExample("http://localhost:3000/", operation("/api/pos/status", "get"), components)).toBe(
      'curl http://localhost:3000/api/pos/status \\\n  -H "Authorization: Bearer $TANGABIZ_API_KEY"',
    );
    expect(curlExample("http://localhost:3000", operation("/api/api-keys/{id}", "delete"), components)).toContain(
      "curl -X DELETE http://localhost:3000/api/api-keys/<id>",
    );
  });
});

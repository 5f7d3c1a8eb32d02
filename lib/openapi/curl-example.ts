// A runnable curl command for one operation of the OpenAPI document, with an example body built from its schema.

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  format?: string;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
};

export interface CurlOperation {
  method: string;
  path: string;
  security?: Record<string, unknown>[];
  requestBody?: { content: { "application/json": { schema: object } } };
}

const byName: Record<string, unknown> = {
  amount: 1250,
  currency: "USD",
  reference: "sale-000123",
  terminalId: "till-1",
  name: "Till 1",
  businessName: "Mbare Groceries",
  email: "owner@example.com",
};

function exampleFor(schema: Schema, components: Record<string, Schema>, name = "", depth = 0): unknown {
  if (depth > 5) return null;
  if (schema.$ref) return exampleFor(components[schema.$ref.split("/").pop()!] ?? {}, components, name, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (name in byName) return byName[name];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return exampleFor(schema.anyOf[0], components, name, depth + 1);
  switch (schema.type) {
    case "object": {
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key]) => required.has(key))
          .map(([key, value]) => [key, exampleFor(value, components, key, depth + 1)]),
      );
    }
    case "array":
      return schema.items ? [exampleFor(schema.items, components, name, depth + 1)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      return schema.format === "date-time" ? "2026-01-31T12:00:00Z" : schema.format === "date" ? "2026-01-31" : "…";
    default:
      return null;
  }
}

export function curlExample(baseUrl: string, operation: CurlOperation, components: Record<string, unknown>): string {
  const schemes = new Set((operation.security ?? []).flatMap((requirement) => Object.keys(requirement)));
  const url = `${baseUrl.replace(/\/$/, "")}${operation.path.replace(/\{(\w+)\}/g, (_, param: string) => `<${param}>`)}`;
  const lines = [`curl${operation.method === "get" ? "" : ` -X ${operation.method.toUpperCase()}`} ${url}`];
  if (schemes.has("bearerKey")) lines.push(`-H "Authorization: Bearer $TANGABIZ_API_KEY"`);
  else if (schemes.has("session")) lines.push(`-H "Cookie: better-auth.session_token=<your session cookie>"`, `-H "Origin: ${baseUrl.replace(/\/$/, "")}"`);
  const schema = operation.requestBody?.content["application/json"].schema as Schema | undefined;
  if (schema) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d '${JSON.stringify(exampleFor(schema, components as Record<string, Schema>))}'`);
  }
  return lines.join(" \\\n  ");
}

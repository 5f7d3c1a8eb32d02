type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
};

export type SchemaComponents = Record<string, JsonSchema>;

function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  return schema.$ref ? resolve(components[schema.$ref.split("/").pop()!] ?? {}, components) : schema;
}

function describeType(schema: JsonSchema, components: SchemaComponents): string {
  const s = resolve(schema, components);
  if (s.anyOf) return s.anyOf.map((option) => describeType(option, components)).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array" && s.items) return `${describeType(s.items, components)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object");
  return s.format ? `${type} (${s.format})` : type;
}

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`max ${schema.maxLength} chars`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

export function SchemaTable({ schema, components }: { schema: JsonSchema; components: SchemaComponents }) {
  const resolved = resolve(schema, components);
  const properties = Object.entries(resolved.properties ?? {});
  if (properties.length === 0) return <p className="text-sm text-zinc-600">{describeType(resolved, components)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Field</th>
            <th scope="col" className="py-1 pr-4 font-medium">Type</th>
            <th scope="col" className="py-1 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {properties.map(([name, property]) => {
            const p = resolve(property, components);
            return (
              <tr key={name} className="align-top">
                <td className="py-1.5 pr-4 font-mono text-xs">
                  {name}
                  {resolved.required?.includes(name) && <span className="ml-1 text-red-700" title="required">*</span>}
                </td>
                <td className="py-1.5 pr-4 font-mono text-xs text-zinc-700">{describeType(p, components)}</td>
                <td className="py-1.5 text-zinc-600">{[p.description, constraints(p)].filter(Boolean).join(" · ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

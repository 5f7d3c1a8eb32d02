import type { Metadata } from "next";
import Link from "next/link";
import { SchemaTable, type SchemaComponents } from "@/components/docs/schema-table";
import { Badge } from "@/components/ui/badge";
import { env } from "@/lib/env";
import { CopyButton } from "@/components/api-keys/copy-button";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { curlExample } from "@/lib/openapi/curl-example";
import { displayOrigin } from "@/lib/http/display-origin";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: { "application/json": { schema: object } } };
  parameters?: { name: string; in: string; description?: string }[];
  security?: Record<string, unknown>[];
  responses: Record<string, { description?: string }>;
};

const methodTone = { get: "blue", post: "green", put: "amber", delete: "red", patch: "amber" } as const;

export default async function ApiReferencePage() {
  const doc = buildOpenApiDocument(env.APP_URL);
  const baseUrl = await displayOrigin();
  const components = (doc.components?.schemas ?? {}) as SchemaComponents;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method: method as keyof typeof methodTone, operation })),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags?.[0] ?? "Other"))];

  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <nav aria-label="Site" className="flex flex-wrap items-center justify-between gap-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-accent-700">
          Tangabiz
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/dashboard/api-keys" className="text-accent-700 hover:underline">
            Your API keys
          </Link>
          <Link href="/dashboard" className="font-medium text-accent-700 hover:underline">
            ← Back to the dashboard
          </Link>
        </div>
      </nav>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight">API reference</h1>
      <p className="mt-2 text-zinc-600">
        <Prose text={doc.info.description ?? ""} />
      </p>
      <p className="mt-2 text-sm text-zinc-700">
        The examples read the key from <code className="rounded bg-zinc-100 px-1 font-mono text-[0.85em]">$TANGABIZ_API_KEY</code>: run{" "}
        <code className="rounded bg-zinc-100 px-1 font-mono text-[0.85em]">export TANGABIZ_API_KEY=tb_live_…</code> with a key from the API
        keys page first.
      </p>
      <p className="mt-2 text-sm">
        Machine-readable: <a href="/api/openapi.json" className="text-accent-700 underline">/api/openapi.json</a> (OpenAPI 3.1).
      </p>
      {tags.map((tag) => (
        <section key={tag} className="mt-10" aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="text-xl font-semibold">{tag}</h2>
          <div className="mt-4 space-y-4">
            {operations
              .filter((o) => (o.operation.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, operation }) => (
                <article key={`${method} ${path}`} id={`${method}-${path}`} className="rounded-lg border border-zinc-200 bg-white p-5">
                  <h3 className="flex flex-wrap items-center gap-2">
                    <Badge tone={methodTone[method] ?? "gray"}>{method.toUpperCase()}</Badge>
                    <code className="font-mono text-sm font-semibold">{path}</code>
                    <span className="text-sm text-zinc-600">— {operation.summary}</span>
                  </h3>
                  {operation.description && (
                    <p className="mt-2 whitespace-pre-line text-sm text-zinc-700">
                      <Prose text={operation.description} />
                    </p>
                  )}
                  {operation.parameters && operation.parameters.length > 0 && (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold uppercase text-zinc-500">Parameters</h4>
                      <ul className="mt-1 text-sm">
                        {operation.parameters.map((p) => (
                          <li key={p.name}>
                            <code className="font-mono text-xs">{p.name}</code> <span className="text-zinc-500">({p.in})</span> {p.description}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {operation.requestBody && (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold uppercase text-zinc-500">Request body (JSON)</h4>
                      <SchemaTable schema={operation.requestBody.content["application/json"].schema} components={components} />
                    </div>
                  )}
                  <CurlBlock command={curlExample(baseUrl, { method, path, ...operation }, components as Record<string, unknown>)} />
                  <div className="mt-3">
                    <h4 className="text-xs font-semibold uppercase text-zinc-500">Responses</h4>
                    <ul className="mt-1 space-y-0.5 text-sm">
                      {Object.entries(operation.responses).map(([code, response]) => (
                        <li key={code}>
                          <code className={`font-mono text-xs font-semibold ${code.startsWith("2") ? "text-green-800" : "text-red-800"}`}>{code}</code>{" "}
                          <span className="text-zinc-700">{response.description}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </article>
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}

function CurlBlock({ command }: { command: string }) {
  return (
    <div className="mt-3">
      <h4 className="text-xs font-semibold uppercase text-zinc-500">Example</h4>
      <div className="mt-1 flex items-start gap-2 rounded-lg bg-zinc-900 p-3">
        <pre className="min-w-0 flex-1 overflow-x-auto font-mono text-xs leading-5 text-zinc-100">
          <code>{command}</code>
        </pre>
        <CopyButton value={command} size="sm" aria-label="Copy the curl command" className="shrink-0" />
      </div>
    </div>
  );
}

// Renders `code` spans of the OpenAPI descriptions.
function Prose({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.85em]">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

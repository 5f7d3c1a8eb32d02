import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "./copy-button";

export function ApiUsageExample({ origin }: { origin: string }) {
  const command = `curl -H "Authorization: Bearer tb_live_…" ${origin}/api/pos/status`;
  return (
    <Card>
      <CardHeader
        title="How to call the API"
        description="Send the key as a bearer token. A test call to the status endpoint tells you whether the key works."
        action={
          <Link href="/docs/api" className="text-sm font-medium text-accent-700 hover:underline">
            API reference
          </Link>
        }
      />
      <CardBody className="space-y-3">
        <div className="flex items-start gap-2 rounded-lg bg-zinc-900 p-3">
          <pre className="min-w-0 flex-1 overflow-x-auto font-mono text-xs leading-5 text-zinc-100">
            <code>{command}</code>
          </pre>
          <CopyButton value={command} size="sm" aria-label="Copy the curl command" className="shrink-0" />
        </div>
        <p className="text-zinc-600">
          Replace <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs">tb_live_…</code> with your full key. Keep
          keys on the server or terminal; never put them in a public website.
        </p>
      </CardBody>
    </Card>
  );
}

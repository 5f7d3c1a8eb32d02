"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/format";
import type { IssuedKey } from "./api-key-row";
import { CopyButton } from "./copy-button";

// The only moment the full key exists outside the terminal that will use it.
export function IssuedKeyPanel({ issued, onDone, doneLabel = "Done" }: { issued: IssuedKey; onDone: () => void; doneLabel?: string }) {
  const fieldId = `issued-key-${issued.apiKey.id}`;
  const firstCall = `curl -H "Authorization: Bearer ${issued.key}" ${window.location.origin}/api/pos/status`;
  return (
    <div className="space-y-4">
      <div role="alert" className="flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong className="font-semibold">Copy it now — you will not see this key again.</strong> Store it in your POS
          terminal or a password manager. If you lose it, rotate the key to get a new one.
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor={fieldId} className="block text-sm font-medium text-zinc-800">
          {issued.apiKey.name}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={fieldId}
            readOnly
            value={issued.key}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className="h-9 w-full min-w-0 rounded-lg border border-zinc-300 bg-zinc-50 px-3 font-mono text-xs text-zinc-900 sm:flex-1"
          />
          <CopyButton value={issued.key} aria-label="Copy the key" />
        </div>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-800">Try it: your first call</p>
        <div className="flex items-start gap-2 rounded-lg bg-zinc-900 p-3">
          <pre className="min-w-0 flex-1 overflow-x-auto font-mono text-xs leading-5 text-zinc-100">
            <code>{firstCall}</code>
          </pre>
          <CopyButton value={firstCall} size="sm" aria-label="Copy the curl command" className="shrink-0" />
        </div>
        <p className="text-xs text-zinc-600">It answers with the status of your business and plan when the key works.</p>
      </div>
      {issued.previousKeyRevokesAt && (
        <p className="text-zinc-600">
          The previous key keeps working until{" "}
          <time dateTime={issued.previousKeyRevokesAt} className="font-medium text-zinc-800">
            {formatDateTime(issued.previousKeyRevokesAt)}
          </time>
          , then stops. Update your terminals before then.
        </p>
      )}
      <DialogFooter className="mt-2">
        <Button type="button" onClick={onDone}>
          {doneLabel}
        </Button>
      </DialogFooter>
    </div>
  );
}

"use client";
import { TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/api-keys/copy-button";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

// The only moment the signing secret is shown.
export function SecretPanel({ secret, url, onDone }: { secret: string; url: string; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <div role="alert" className="flex gap-2.5 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong className="font-semibold">Copy the signing secret now — you will not see it again.</strong> Your receiver uses it to
          verify the <code className="font-mono text-xs">webhook-signature</code> header (Standard Webhooks). If you lose it, rotate it.
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="webhook-secret" className="block text-sm font-medium text-zinc-800">
          Signing secret for <span className="break-all">{url}</span>
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="webhook-secret"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            spellCheck={false}
            className="h-9 w-full min-w-0 rounded-lg border border-zinc-300 bg-zinc-50 px-3 font-mono text-xs text-zinc-900 sm:flex-1"
          />
          <CopyButton value={secret} aria-label="Copy the signing secret" />
        </div>
      </div>
      <DialogFooter className="mt-2">
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}

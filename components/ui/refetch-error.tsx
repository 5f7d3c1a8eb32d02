"use client";
import { RotateCw } from "lucide-react";
import { Button } from "./button";

// A slim bar for a list whose background refresh failed: the last data stays visible, with a retry.
export function RefetchError({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-2 border-b border-red-200 bg-red-50 px-5 py-2 text-red-800">
      Could not refresh {what}: {message}
      <Button variant="secondary" size="sm" onClick={onRetry}>
        <RotateCw aria-hidden="true" className="size-3.5" />
        Retry
      </Button>
    </div>
  );
}

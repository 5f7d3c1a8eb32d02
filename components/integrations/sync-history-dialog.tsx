"use client";
import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { requestJson } from "@/components/api-keys/request-json";
import { StatusBadge } from "@/components/ui/badge";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format";
import { describeCounts, triggerLabels, type IntegrationView, type SyncRunView } from "./integration-types";

export function SyncHistoryDialog({ integration, onOpenChange }: { integration: IntegrationView | null; onOpenChange: (open: boolean) => void }) {
  const runs = useQuery({
    queryKey: ["integration-runs", integration?.provider],
    queryFn: () => requestJson<{ runs: SyncRunView[] }>(`/api/integrations/${integration!.provider}/runs`).then((body) => body.runs),
    enabled: integration !== null,
  });

  return (
    <Dialog open={integration !== null} onOpenChange={onOpenChange}>
      {integration && (
        <DialogContent title={`${integration.name} sync history`} description="The last 20 runs, newest first." className="max-w-2xl">
          {runs.isPending ? (
            <div className="space-y-3" aria-label="Loading sync history">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-12 w-full" />
              ))}
            </div>
          ) : runs.isError ? (
            <ErrorState title="Could not load the history" message={runs.error.message} onRetry={() => runs.refetch()} />
          ) : runs.data.length === 0 ? (
            <EmptyState icon={History} title="No syncs yet" description="Runs appear here after sales, each day, and when you press Sync now." />
          ) : (
            <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200">
              {runs.data.map((run) => (
                <li key={run.id} className="space-y-1 px-4 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium text-zinc-900">{formatDateTime(run.startedAt)}</span>
                    <span className="flex items-center gap-2">
                      <span className="text-xs text-zinc-500">{triggerLabels[run.trigger] ?? run.trigger}</span>
                      <StatusBadge status={run.status} />
                    </span>
                  </div>
                  <p className="text-zinc-700">
                    {describeCounts(run)}
                    {run.durationMs !== null && <span className="text-zinc-500"> · {(run.durationMs / 1000).toFixed(1)} s</span>}
                  </p>
                  {run.errors?.map((error, i) => (
                    <p key={i} className="text-xs break-words text-red-700">
                      {error}
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          )}
        </DialogContent>
      )}
    </Dialog>
  );
}

"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/components/api-keys/request-json";
import { toast } from "@/components/ui/toast";
import { describeCounts, integrationsQueryKey, type IntegrationView, type SyncRunView } from "./integration-types";

const POLL_MS = 1000;
const POLL_LIMIT_MS = 30_000;

// "Sync now": queue the job (202), then follow its run until it finishes so the toast can say what it did.
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (integration: IntegrationView) => {
      const { jobId } = await requestJson<{ jobId: string }>(`/api/integrations/${integration.provider}/sync`, { method: "POST" });
      const started = Date.now();
      while (Date.now() - started < POLL_LIMIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const { runs } = await requestJson<{ runs: SyncRunView[] }>(
          `/api/integrations/${integration.provider}/runs?jobId=${encodeURIComponent(jobId)}&limit=1`,
        );
        if (runs[0] && runs[0].status !== "running") return { integration, run: runs[0] };
      }
      return { integration, run: null };
    },
    onSuccess: ({ integration, run }) => {
      if (!run) toast.info(`${integration.name} sync is queued and will run shortly.`);
      else if (run.status === "succeeded") toast.success(`${integration.name} synced: ${describeCounts(run)}.`);
      else toast.error(`${integration.name} sync failed: ${run.errors?.[0] ?? "unknown error"}`);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: integrationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ["integration-runs", integration.provider] }),
      ]);
    },
    onError: (error) => toast.error(error.message),
  });
}

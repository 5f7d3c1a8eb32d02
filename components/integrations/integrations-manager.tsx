"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { requestJson } from "@/components/api-keys/request-json";
import { ConfirmDialog } from "@/components/ui/dialog";
import { RefetchError } from "@/components/ui/refetch-error";
import { toast } from "@/components/ui/toast";
import { ConnectDialog } from "./connect-dialog";
import { IntegrationCard } from "./integration-card";
import { integrationsQueryKey, type IntegrationView } from "./integration-types";
import { SyncHistoryDialog } from "./sync-history-dialog";
import { useSyncNow } from "./use-sync-now";

export function IntegrationsManager({ initialIntegrations }: { initialIntegrations: IntegrationView[] }) {
  const queryClient = useQueryClient();
  const integrations = useQuery({
    queryKey: integrationsQueryKey,
    queryFn: () => requestJson<{ integrations: IntegrationView[] }>("/api/integrations").then((body) => body.integrations),
    initialData: initialIntegrations,
  });
  const [connecting, setConnecting] = useState<IntegrationView | null>(null);
  const [history, setHistory] = useState<IntegrationView | null>(null);
  const [disconnecting, setDisconnecting] = useState<IntegrationView | null>(null);
  const syncNow = useSyncNow();

  async function disconnect() {
    if (!disconnecting) return;
    try {
      await requestJson(`/api/integrations/${disconnecting.provider}`, { method: "DELETE" });
    } catch (error) {
      toast.error((error as Error).message);
      throw error;
    }
    toast.success(`${disconnecting.name} disconnected. Its credentials are deleted; the sync history stays.`);
    await queryClient.invalidateQueries({ queryKey: integrationsQueryKey });
  }

  return (
    <>
      {integrations.isError && <RefetchError what="the integrations" message={integrations.error.message} onRetry={() => integrations.refetch()} />}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {integrations.data.map((integration) => (
          <IntegrationCard
            key={integration.provider}
            integration={integration}
            syncing={syncNow.isPending && syncNow.variables?.provider === integration.provider}
            onConnect={() => setConnecting(integration)}
            onSync={() => syncNow.mutate(integration)}
            onHistory={() => setHistory(integration)}
            onDisconnect={() => setDisconnecting(integration)}
          />
        ))}
      </div>
      <ConnectDialog integration={connecting} onOpenChange={(open) => !open && setConnecting(null)} />
      <SyncHistoryDialog integration={history} onOpenChange={(open) => !open && setHistory(null)} />
      <ConfirmDialog
        open={disconnecting !== null}
        onOpenChange={(open) => !open && setDisconnecting(null)}
        title={`Disconnect ${disconnecting?.name ?? ""}?`}
        description="Its credentials are deleted and queued syncs stop. Records already sent stay with the provider, and the sync history stays here."
        confirmLabel="Disconnect"
        onConfirm={disconnect}
      />
    </>
  );
}

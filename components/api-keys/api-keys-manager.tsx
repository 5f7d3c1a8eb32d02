"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RefetchError } from "@/components/ui/refetch-error";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { apiKeysQueryKey, isRetiring, type ApiKeyRow } from "./api-key-row";
import { ApiKeyTable } from "./api-key-table";
import { KeyLimitNotice } from "./key-limit-notice";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { requestJson } from "./request-json";
import { RotateApiKeyDialog } from "./rotate-api-key-dialog";

interface ApiKeysManagerProps {
  initialKeys: ApiKeyRow[];
  plan: { name: string; keyLimit: number };
  canUpgrade: boolean;
}

export function ApiKeysManager({ initialKeys, plan, canUpgrade }: ApiKeysManagerProps) {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: apiKeysQueryKey,
    queryFn: () => requestJson<{ keys: ApiKeyRow[] }>("/api/api-keys").then((body) => body.keys),
    initialData: initialKeys,
  });
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<ApiKeyRow | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);

  const list = keys.data;
  const activeCount = list.filter((key) => key.status === "active" && !isRetiring(key)).length;
  const limitText = plan.keyLimit < 0 ? "unlimited" : String(plan.keyLimit);
  const atLimit = plan.keyLimit >= 0 && activeCount >= plan.keyLimit;

  async function revoke() {
    if (!revoking) return;
    try {
      await requestJson(`/api/api-keys/${encodeURIComponent(revoking.id)}`, { method: "DELETE" });
    } catch (error) {
      toast.error((error as Error).message);
      throw error;
    }
    toast.success(`Key "${revoking.name}" revoked.`);
    await queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
  }

  const createButton = (
    <Button onClick={() => setCreating(true)} disabled={atLimit} aria-describedby={atLimit ? "key-limit-reason" : undefined}>
      <Plus aria-hidden="true" className="size-4" />
      Create key
    </Button>
  );

  return (
    <>
      <Card>
        <CardHeader
          title="Keys"
          description={`${activeCount} active of ${limitText} on the ${plan.name} plan`}
          action={list.length > 0 && createButton}
        />
        {atLimit && list.length > 0 && <KeyLimitNotice planName={plan.name} limit={plan.keyLimit} canUpgrade={canUpgrade} />}
        {keys.isRefetchError && <RefetchError what="the list" message={keys.error.message} onRetry={() => keys.refetch()} />}
        {list.length === 0 ? (
          <EmptyState
            icon={KeyRound}
            title="No API keys yet"
            description="Create a key for each POS terminal or app that should record sales and read settings."
            action={createButton}
          />
        ) : (
          <ApiKeyTable keys={list} onRotate={setRotating} onRevoke={setRevoking} />
        )}
      </Card>

      <CreateApiKeyDialog open={creating} onOpenChange={setCreating} />
      <RotateApiKeyDialog apiKey={rotating} onClose={() => setRotating(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name}”?`}
        description={`Terminals and apps using ${revoking?.prefix}… stop working within a minute. This cannot be undone; you can create a new key afterwards.`}
        confirmLabel="Revoke key"
        tone="danger"
        onConfirm={revoke}
      />
    </>
  );
}

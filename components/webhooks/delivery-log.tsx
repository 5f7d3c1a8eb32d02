"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { requestJson } from "@/components/api-keys/request-json";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RefetchError } from "@/components/ui/refetch-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { deliveriesQueryKey, type DeliveryRow } from "./webhook-rows";

// The endpoint's deliveries, newest first; refreshes itself while a delivery is still pending.
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: deliveriesQueryKey(endpointId),
    queryFn: () => requestJson<{ deliveries: DeliveryRow[] }>(`/api/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`).then((body) => body.deliveries),
    refetchInterval: (query) => (query.state.data?.some((delivery) => delivery.status === "pending") ? 2000 : false),
  });
  const replay = useMutation({
    mutationFn: (deliveryId: string) => requestJson(`/api/webhook-deliveries/${encodeURIComponent(deliveryId)}/replay`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Replay queued.");
      return queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(endpointId) });
    },
    onError: (error) => toast.error(error.message),
  });

  if (deliveries.isPending) {
    return (
      <div className="space-y-2 px-5 py-4" aria-label="Loading deliveries">
        <Skeleton className="h-6 w-full" />
        <Skeleton className="h-6 w-full" />
      </div>
    );
  }
  if (deliveries.isError && !deliveries.data) {
    return <RefetchError what="the delivery log" message={deliveries.error.message} onRetry={() => deliveries.refetch()} />;
  }
  if (deliveries.data.length === 0) {
    return <p className="px-5 py-4 text-sm text-zinc-600">No deliveries yet. Send a test event to see one here.</p>;
  }
  return (
    <>
      {deliveries.isRefetchError && <RefetchError what="the delivery log" message={deliveries.error?.message ?? ""} onRetry={() => deliveries.refetch()} />}
      <Table aria-label="Deliveries">
        <THead>
          <TR>
            <TH>Event</TH>
            <TH>Status</TH>
            <TH>Attempts</TH>
            <TH>Response</TH>
            <TH>Latency</TH>
            <TH>Created</TH>
            <TH className="relative">
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {deliveries.data.map((delivery) => (
            <TR key={delivery.id} data-testid="delivery-row">
              <TD className="min-w-48 align-top">
                <div className="font-mono text-xs font-medium text-zinc-900">{delivery.eventType}</div>
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-accent-700">Payload</summary>
                  <pre className="mt-1 max-h-60 max-w-md overflow-auto rounded bg-zinc-50 p-2 text-[11px] leading-snug">{JSON.stringify(delivery.payload, null, 2)}</pre>
                  {delivery.lastError && <p className="mt-1 text-xs text-red-700">{delivery.lastError}</p>}
                </details>
              </TD>
              <TD className="align-top">
                <StatusBadge status={delivery.status} />
                {delivery.status === "pending" && delivery.nextAttemptAt && delivery.attempts > 0 && (
                  <div className="mt-1 text-xs whitespace-nowrap text-zinc-600">retry {formatDateTime(delivery.nextAttemptAt)}</div>
                )}
              </TD>
              <TD className="align-top">{delivery.attempts}</TD>
              <TD className="align-top font-mono text-xs">{delivery.responseStatus ?? "—"}</TD>
              <TD className="align-top whitespace-nowrap">{delivery.latencyMs === null ? "—" : `${delivery.latencyMs} ms`}</TD>
              <TD className="align-top whitespace-nowrap">
                <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
              </TD>
              <TD className="text-right align-top">
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={!enabled || replay.isPending}
                  aria-label={`Replay ${delivery.eventType} delivery`}
                  onClick={() => replay.mutate(delivery.id)}
                >
                  <RotateCcw aria-hidden="true" className="size-3.5" />
                  Replay
                </Button>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}

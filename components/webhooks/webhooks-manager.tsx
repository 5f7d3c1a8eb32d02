"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Webhook } from "lucide-react";
import { useState } from "react";
import { requestJson } from "@/components/api-keys/request-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogContent } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RefetchError } from "@/components/ui/refetch-error";
import { toast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { DeliveryLog } from "./delivery-log";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SecretPanel } from "./secret-panel";
import { deliveriesQueryKey, endpointsQueryKey, type EndpointRow } from "./webhook-rows";

export function WebhooksManager({ initialEndpoints }: { initialEndpoints: EndpointRow[] }) {
  const queryClient = useQueryClient();
  const endpoints = useQuery({
    queryKey: endpointsQueryKey,
    queryFn: () => requestJson<{ endpoints: EndpointRow[] }>("/api/webhook-endpoints").then((body) => body.endpoints),
    initialData: initialEndpoints,
  });
  const [form, setForm] = useState<{ open: boolean; endpoint: EndpointRow | null }>({ open: false, endpoint: null });
  const [deleting, setDeleting] = useState<EndpointRow | null>(null);
  const [rotating, setRotating] = useState<EndpointRow | null>(null);
  const [rotated, setRotated] = useState<{ secret: string; url: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: endpointsQueryKey });
  const toggle = useMutation({
    mutationFn: (endpoint: EndpointRow) =>
      requestJson(`/api/webhook-endpoints/${encodeURIComponent(endpoint.id)}`, { method: "PATCH", body: { enabled: !endpoint.enabled } }),
    onSuccess: (_data, endpoint) => {
      toast.success(endpoint.enabled ? "Endpoint disabled." : "Endpoint enabled.");
      return refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const sendTest = useMutation({
    mutationFn: (endpoint: EndpointRow) => requestJson(`/api/webhook-endpoints/${encodeURIComponent(endpoint.id)}/test`, { method: "POST" }),
    onSuccess: (_data, endpoint) => {
      toast.success("Test event sent. Watch the delivery log.");
      return queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(endpoint.id) });
    },
    onError: (error) => toast.error(error.message),
  });

  async function remove() {
    if (!deleting) return;
    try {
      await requestJson(`/api/webhook-endpoints/${encodeURIComponent(deleting.id)}`, { method: "DELETE" });
    } catch (error) {
      toast.error((error as Error).message);
      throw error;
    }
    toast.success("Endpoint deleted.");
    await refresh();
  }

  async function rotate() {
    if (!rotating) return;
    try {
      const result = await requestJson<{ secret: string; endpoint: EndpointRow }>(`/api/webhook-endpoints/${encodeURIComponent(rotating.id)}/rotate-secret`, { method: "POST" });
      setRotated({ secret: result.secret, url: result.endpoint.url });
      toast.success("Signing secret rotated.");
      await refresh();
    } catch (error) {
      toast.error((error as Error).message);
      throw error;
    }
  }

  const addButton = (
    <Button onClick={() => setForm({ open: true, endpoint: null })}>
      <Plus aria-hidden="true" className="size-4" />
      Add endpoint
    </Button>
  );
  const list = endpoints.data;

  return (
    <>
      {endpoints.isRefetchError && <RefetchError what="the endpoints" message={endpoints.error.message} onRetry={() => endpoints.refetch()} />}
      {list.length === 0 ? (
        <Card>
          <EmptyState
            icon={Webhook}
            title="No webhook endpoints yet"
            description="Add a URL and choose events (invoice paid, sale recorded, key revoked…). Tangabiz sends each one as signed JSON and retries for a day."
            action={addButton}
          />
        </Card>
      ) : (
        <div className="space-y-4">
          <div className="flex justify-end">{addButton}</div>
          {list.map((endpoint) => (
            <Card key={endpoint.id} data-testid="webhook-endpoint">
              <CardHeader
                title={<span className="font-mono text-sm break-all">{endpoint.url}</span>}
                description={
                  <>
                    {endpoint.description && <span className="block">{endpoint.description}</span>}
                    <span className="mt-1 flex flex-wrap gap-1">
                      <Badge tone={endpoint.enabled ? "green" : "gray"}>{endpoint.enabled ? "Enabled" : "Disabled"}</Badge>
                      {endpoint.source === "zapier" && <Badge tone="blue">Zapier</Badge>}
                      {endpoint.events.map((type) => (
                        <Badge key={type} tone="gray" className="font-mono text-[11px]">
                          {type}
                        </Badge>
                      ))}
                    </span>
                    {!endpoint.enabled && endpoint.disabledReason && <span className="mt-1 block text-red-700">{endpoint.disabledReason}</span>}
                    {endpoint.enabled && endpoint.failingSince && (
                      <span className="mt-1 block text-amber-800">Failing since {formatDateTime(endpoint.failingSince)}; disabled after 5 days of failures.</span>
                    )}
                    {endpoint.rotationOverlapUntil && new Date(endpoint.rotationOverlapUntil) > new Date() && (
                      <span className="mt-1 block text-gray-700">The previous secret also signs deliveries until {formatDateTime(endpoint.rotationOverlapUntil)}.</span>
                    )}
                    {/* In the header body rather than its action slot, so the buttons wrap on a phone. */}
                    <span className="mt-3 flex flex-wrap gap-1">
                    <Button variant="secondary" size="sm" disabled={!endpoint.enabled} loading={sendTest.isPending && sendTest.variables?.id === endpoint.id} onClick={() => sendTest.mutate(endpoint)}>
                      Send test event
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setForm({ open: true, endpoint })}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" loading={toggle.isPending && toggle.variables?.id === endpoint.id} onClick={() => toggle.mutate(endpoint)}>
                      {endpoint.enabled ? "Disable" : "Enable"}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setRotating(endpoint)}>
                      Rotate secret
                    </Button>
                    <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setDeleting(endpoint)}>
                      Delete
                    </Button>
                    </span>
                  </>
                }
              />
              <DeliveryLog endpointId={endpoint.id} enabled={endpoint.enabled} />
            </Card>
          ))}
        </div>
      )}

      <EndpointFormDialog key={form.endpoint?.id ?? "new"} endpoint={form.endpoint} open={form.open} onClose={() => setForm({ open: false, endpoint: null })} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this endpoint?"
        description={`Tangabiz stops sending events to ${deleting?.url ?? ""} and its delivery log is deleted. This cannot be undone.`}
        confirmLabel="Delete endpoint"
        tone="danger"
        onConfirm={remove}
      />
      <ConfirmDialog
        open={rotating !== null && rotated === null}
        onOpenChange={(open) => !open && setRotating(null)}
        title="Rotate the signing secret?"
        description="A new secret signs every delivery from now on. For 24 hours the current one keeps signing beside it, so your receiver keeps verifying while you switch it to the new secret."
        confirmLabel="Rotate secret"
        tone="primary"
        onConfirm={rotate}
      />
      <Dialog open={rotated !== null} onOpenChange={() => undefined}>
        <DialogContent title="New signing secret" className="max-w-lg" onInteractOutside={(event) => event.preventDefault()}>
          {rotated && (
            <SecretPanel
              secret={rotated.secret}
              url={rotated.url}
              onDone={() => {
                setRotated(null);
                setRotating(null);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}

"use client";
import { ExternalLink, History, RefreshCw, Settings2, Unplug } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { describeCounts, providerIcons, type IntegrationView } from "./integration-types";

interface IntegrationCardProps {
  integration: IntegrationView;
  syncing: boolean;
  onConnect: () => void;
  onSync: () => void;
  onHistory: () => void;
  onDisconnect: () => void;
}

export function IntegrationCard({ integration, syncing, onConnect, onSync, onHistory, onDisconnect }: IntegrationCardProps) {
  const Icon = providerIcons[integration.provider];
  const run = integration.lastRun;
  return (
    <Card className="flex flex-col" data-testid={`integration-${integration.provider}`}>
      <div className="flex items-start gap-3 px-5 pt-4">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-700">
          <Icon aria-hidden="true" className="size-5" />
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold text-zinc-900">{integration.name}</h2>
            {integration.provider === "zapier" ? (
              <Badge tone="blue">Webhooks</Badge>
            ) : (
              <Badge tone={integration.status === "active" ? "green" : integration.status === "error" ? "red" : "gray"}>
                {integration.status === "active" ? "Active" : integration.status === "error" ? "Error" : "Inactive"}
              </Badge>
            )}
          </div>
          <p className="mt-1 text-zinc-600">{integration.description}</p>
        </div>
      </div>

      <div className="flex-1 space-y-1 px-5 py-3 text-zinc-700">
        {integration.provider === "zapier" ? (
          <p>
            Zapier subscribes a REST hook with an API key (scope <code className="rounded bg-zinc-100 px-1 text-xs">webhooks:manage</code>):{" "}
            <code className="rounded bg-zinc-100 px-1 text-xs">POST /api/v1/hooks</code>, and removes it with{" "}
            <code className="rounded bg-zinc-100 px-1 text-xs">DELETE /api/v1/hooks/:id</code>; each event it asked for is delivered there, signed.
          </p>
        ) : integration.connected ? (
          <>
            <p>
              {integration.lastSyncAt ? (
                <>
                  Last sync <time dateTime={integration.lastSyncAt}>{formatDateTime(integration.lastSyncAt)}</time>
                </>
              ) : (
                "Not synced yet"
              )}
            </p>
            {run && run.status !== "running" && (
              <p className={run.status === "failed" ? "text-red-700" : "text-zinc-600"} data-testid="last-run">
                {run.status === "failed" ? "Failed" : "Result"}: {describeCounts(run)}
              </p>
            )}
            {integration.lastError && (
              <p className="text-xs break-words text-red-700" role="status">
                {integration.lastError}
              </p>
            )}
          </>
        ) : (
          <p className="text-zinc-500">{integration.job}</p>
        )}
      </div>

      <div className="flex flex-wrap gap-2 rounded-b-lg border-t border-zinc-200 bg-zinc-50 px-5 py-3">
        {integration.provider === "zapier" ? (
          <Link href="/dashboard/webhooks" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            <ExternalLink aria-hidden="true" className="size-3.5" />
            Set up webhook endpoints
          </Link>
        ) : integration.connected ? (
          <>
            <Button size="sm" onClick={onSync} loading={syncing} disabled={integration.status === "error"} aria-label={`Sync ${integration.name} now`}>
              {!syncing && <RefreshCw aria-hidden="true" className="size-3.5" />}
              {syncing ? "Syncing…" : "Sync now"}
            </Button>
            <Button size="sm" variant="secondary" onClick={onConnect} aria-label={`Reconfigure ${integration.name}`}>
              <Settings2 aria-hidden="true" className="size-3.5" />
              Reconfigure
            </Button>
            <Button size="sm" variant="ghost" onClick={onHistory} aria-label={`${integration.name} sync history`}>
              <History aria-hidden="true" className="size-3.5" />
              History
            </Button>
            <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={onDisconnect} aria-label={`Disconnect ${integration.name}`}>
              <Unplug aria-hidden="true" className="size-3.5" />
              Disconnect
            </Button>
          </>
        ) : (
          <>
            <Button size="sm" onClick={onConnect} aria-label={`Connect ${integration.name}`}>
              Connect
            </Button>
            {integration.lastSyncAt && (
              <Button size="sm" variant="ghost" onClick={onHistory} aria-label={`${integration.name} sync history`}>
                <History aria-hidden="true" className="size-3.5" />
                History
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

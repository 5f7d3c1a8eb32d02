import type { Integration, IntegrationSyncRun } from "@/lib/generated/prisma/client";
import { providers, type ProviderId } from "./catalog";
import type { IntegrationView, SyncRunView } from "./schemas";

export function toSyncRunView(run: IntegrationSyncRun): SyncRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    sent: run.sent,
    updated: run.updated,
    skipped: run.skipped,
    failed: run.failed,
    errors: (run.errors as string[] | null) ?? null,
    durationMs: run.durationMs,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    jobId: run.jobId,
  };
}

// The shape every route and page shows: the catalog entry plus this business's state; secrets only as hints.
export function toIntegrationView(provider: ProviderId, integration: Integration | null, lastRun: IntegrationSyncRun | null): IntegrationView {
  const info = providers[provider];
  const connected = Boolean(integration?.credentialsEncrypted);
  return {
    provider,
    name: info.name,
    description: info.description,
    job: info.job,
    docsUrl: info.docsUrl,
    fields: info.fields,
    status: connected ? (integration!.status === "error" ? "error" : "active") : "inactive",
    connected,
    credentials: connected ? ((integration!.credentialHints ?? {}) as Record<string, string>) : {},
    settings: connected ? ((integration!.settings ?? {}) as Record<string, string>) : {},
    lastError: integration?.lastError ?? null,
    lastSyncAt: integration?.lastSyncAt?.toISOString() ?? null,
    connectedAt: connected ? (integration!.connectedAt?.toISOString() ?? null) : null,
    lastRun: lastRun ? toSyncRunView(lastRun) : null,
  };
}

import { z } from "zod";
import { prisma } from "@/lib/db";
import { PermanentJobError, RetryLaterError } from "@/lib/jobs/job-errors";
import type { JobContext } from "@/lib/jobs/job-kinds";
import type { SyncingProviderId } from "./catalog";
import { readCredentials } from "./credentials";
import { ProviderAuthError } from "./provider-http";
import { adapterFor } from "./providers";
import type { SyncContext } from "./sync-context";

const LEASE_MS = 4 * 60_000;

export const syncJobPayload = z.object({
  integrationId: z.string(),
  trigger: z.enum(["event", "manual", "daily", "connect"]),
});

// The integration.sync job: one run of one integration, recorded in IntegrationSyncRun with its counts.
// A disconnected or errored integration is left alone; 401/403 puts it in error until it is reconfigured.
export async function runIntegrationSync(payload: unknown, job: JobContext, now = new Date()): Promise<void> {
  const { integrationId, trigger } = syncJobPayload.parse(payload);
  const integration = await prisma.integration.findUnique({ where: { id: integrationId } });
  if (!integration || integration.status !== "active" || !integration.credentialsEncrypted) return;
  const adapter = adapterFor(integration.provider);
  if (!adapter) throw new PermanentJobError(`No sync for provider "${integration.provider}"`);

  // One run per integration at a time (a lease, so a crashed run does not block it forever).
  const leased = await prisma.integration.updateMany({
    where: { id: integrationId, status: "active", OR: [{ syncLockedUntil: null }, { syncLockedUntil: { lt: now } }] },
    data: { syncLockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (leased.count === 0) throw new RetryLaterError("Another sync of this integration is running", 30_000);

  const run = await prisma.integrationSyncRun.create({
    data: { integrationId, businessId: integration.businessId, jobId: job.jobId, trigger },
  });
  const ctx: SyncContext = {
    integrationId,
    businessId: integration.businessId,
    provider: integration.provider as SyncingProviderId,
    credentials: readCredentials(integration.credentialsEncrypted),
    settings: (integration.settings ?? {}) as Record<string, string>,
    connectedAt: integration.connectedAt ?? integration.createdAt,
    now,
    counts: { sent: 0, updated: 0, skipped: 0, failed: 0 },
    errors: [],
  };
  const started = Date.now();
  const finish = (status: "succeeded" | "failed", error?: string) =>
    prisma.integrationSyncRun.update({
      where: { id: run.id },
      data: {
        status,
        ...ctx.counts,
        errors: error || ctx.errors.length ? [...(error ? [error] : []), ...ctx.errors].slice(0, 20) : undefined,
        durationMs: Date.now() - started,
        finishedAt: new Date(),
      },
    });

  try {
    await adapter.sync(ctx);
    await finish("succeeded");
    await prisma.integration.updateMany({
      where: { id: integrationId, status: "active" },
      data: { lastSyncAt: new Date(), lastError: null, syncLockedUntil: null },
    });
  } catch (error) {
    const message = (error as Error).message;
    await finish("failed", message);
    if (error instanceof ProviderAuthError) {
      await prisma.integration.updateMany({
        where: { id: integrationId, status: "active" },
        data: { status: "error", lastError: message, lastSyncAt: new Date(), syncLockedUntil: null },
      });
      throw new PermanentJobError(message);
    }
    await prisma.integration.updateMany({
      where: { id: integrationId },
      data: { lastError: message, lastSyncAt: new Date(), syncLockedUntil: null },
    });
    throw error;
  }
}

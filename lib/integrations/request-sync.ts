import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { providers, type ProviderId } from "./catalog";

// "Sync now": queues a run and answers with its job id; a press while a manual run is still waiting shares it.
export async function requestSync(businessId: string, provider: ProviderId): Promise<{ jobId: string }> {
  const integration = await prisma.integration.findUnique({ where: { businessId_provider: { businessId, provider } } });
  if (provider === "zapier") throw new ApiError("validation_failed", "provider: Zapier receives events as they happen through webhook endpoints; there is nothing to sync.");
  if (!integration?.credentialsEncrypted) throw new ApiError("not_found", `${providers[provider].name} is not connected.`);
  if (integration.status === "error") {
    throw new ApiError("conflict", `${providers[provider].name} refused the last sync (${integration.lastError ?? "credentials rejected"}). Reconfigure it first.`);
  }
  const payload = { integrationId: integration.id, trigger: "manual" };
  const waiting = await prisma.job.findFirst({
    where: { businessId, kind: "integration.sync", status: "queued", payload: { equals: payload } },
    select: { id: true },
  });
  if (waiting) return { jobId: waiting.id };
  const dedupeKey = `integration.sync:manual:${integration.id}:${randomUUID()}`;
  const job = await prisma.$transaction(async (tx) => {
    await enqueueJob(tx, { kind: "integration.sync", payload, businessId, dedupeKey });
    return tx.job.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  });
  kickJobs();
  return { jobId: job.id };
}

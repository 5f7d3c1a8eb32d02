import { prisma } from "@/lib/db";
import { providerIds, type ProviderId } from "./catalog";
import { toIntegrationView, toSyncRunView } from "./integration-view";

// All eight, connected or not, each with its latest run.
export async function listIntegrations(businessId: string) {
  const rows = await prisma.integration.findMany({
    where: { businessId },
    include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } },
  });
  const byProvider = new Map(rows.map((row) => [row.provider, row]));
  return providerIds.map((provider) => {
    const row = byProvider.get(provider) ?? null;
    return toIntegrationView(provider, row, row?.runs[0] ?? null);
  });
}

export async function listSyncRuns(businessId: string, provider: ProviderId, options: { jobId?: string; limit?: number } = {}) {
  const runs = await prisma.integrationSyncRun.findMany({
    where: { businessId, integration: { provider }, ...(options.jobId ? { jobId: options.jobId } : {}) },
    orderBy: { startedAt: "desc" },
    take: options.limit ?? 20,
  });
  return runs.map(toSyncRunView);
}

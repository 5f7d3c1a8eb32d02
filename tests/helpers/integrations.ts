import * as connectRoute from "@/app/api/integrations/connect/route";
import * as listRoute from "@/app/api/integrations/route";
import * as providerRoute from "@/app/api/integrations/[provider]/route";
import * as runsRoute from "@/app/api/integrations/[provider]/runs/route";
import * as syncRoute from "@/app/api/integrations/[provider]/sync/route";
import * as transactions from "@/app/api/pos/transactions/route";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { withKey } from "./api-key";
import { call } from "./http";

export function connect(cookie: string, provider: string, credentials: Record<string, string>, settings?: Record<string, string>) {
  return call(connectRoute.POST, "/api/integrations/connect", { cookie, body: { provider, credentials, ...(settings ? { settings } : {}) } });
}

export const listIntegrations = (cookie: string) => call(listRoute.GET, "/api/integrations", { cookie });
export const syncNow = (cookie: string, provider: string) =>
  call(syncRoute.POST, `/api/integrations/${provider}/sync`, { cookie, method: "POST", params: { provider } });
export const disconnect = (cookie: string, provider: string) =>
  call(providerRoute.DELETE, `/api/integrations/${provider}`, { cookie, method: "DELETE", params: { provider } });
export const syncRuns = (cookie: string, provider: string, query = "") =>
  call(runsRoute.GET, `/api/integrations/${provider}/runs${query}`, { cookie, params: { provider } });

export function sale(apiKey: string, customer?: Record<string, unknown>, amount = 1250) {
  return withKey(transactions.POST, "/api/pos/transactions", apiKey, {
    body: { amount, currency: "USD", type: "sale", reference: `r-${randomBytes(5).toString("hex")}`, ...(customer ? { customer } : {}) },
  });
}

// Runs every integration sync of the business that is due by `aheadMs` from now (event syncs wait out their debounce).
export function drainSyncs(businessId: string, aheadMs = 61_000) {
  return runDueJobs({ kinds: ["integration.sync"], businessId, now: () => new Date(Date.now() + aheadMs) });
}

export async function latestRun(businessId: string, provider: string) {
  return prisma.integrationSyncRun.findFirstOrThrow({
    where: { businessId, integration: { provider } },
    orderBy: { startedAt: "desc" },
  });
}

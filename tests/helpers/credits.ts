import { randomUUID } from "node:crypto";
import * as creditsRoute from "@/app/api/v1/credits/route";
import * as jobsRoute from "@/app/api/v1/jobs/route";
import * as jobRoute from "@/app/api/v1/jobs/[taskId]/route";
import * as completeRoute from "@/app/api/v1/jobs/[taskId]/complete/route";
import * as cancelRoute from "@/app/api/v1/jobs/[taskId]/cancel/route";
import { forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import { recordPaidPeriod } from "@/lib/credits/plan-credits";
import { postCreditEntry } from "@/lib/credits/post-credit-entry";
import { creditTransaction } from "@/lib/credits/sql";
import { prisma } from "@/lib/db";
import { createBusiness } from "./fixtures";
import { withKey } from "./api-key";

type Handler = Parameters<typeof withKey>[0];

// A business whose first key may spend credits, with an hourly limit high enough for concurrency tests.
// Credits come with paid plans; on Pro a key may make 20,000 requests an hour (a key's own limit can only be lower).
export async function creditsBusiness(name = "Credits Shop") {
  const created = await createBusiness(name);
  await prisma.subscription.update({ where: { businessId: created.business.id }, data: { plan: "pro" } });
  await prisma.apiKey.update({
    where: { id: created.apiKeyId },
    data: { scopes: ["pos:read", "credits:read", "credits:write"] },
  });
  forgetAllCachedApiKeys();
  return created;
}

export function addTopupCredits(businessId: string, credits: number) {
  return creditTransaction((query) =>
    postCreditEntry(query, { businessId, bucket: "topup", kind: "adjustment", delta: credits, idempotencyKey: `test:${randomUUID()}` }),
  );
}

export function addPlanCredits(businessId: string, credits: number, periodStart: Date, periodEnd: Date, now = new Date()) {
  return creditTransaction((query) => recordPaidPeriod(query, { businessId, periodStart, periodEnd, credits, source: "test" }, now));
}

export function reserveJob(key: string, body: unknown, headers: Record<string, string> = {}) {
  return withKey(jobsRoute.POST as Handler, "/api/v1/jobs", key, { body, headers });
}

export function getCredits(key: string) {
  return withKey(creditsRoute.GET as Handler, "/api/v1/credits", key);
}

export function getJob(key: string, taskId: string) {
  return withKey(jobRoute.GET as Handler, `/api/v1/jobs/${taskId}`, key, { params: { taskId } });
}

export function completeJob(key: string, taskId: string, actualSeconds: number) {
  return withKey(completeRoute.POST as Handler, `/api/v1/jobs/${taskId}/complete`, key, { params: { taskId }, body: { actualSeconds } });
}

export function cancelJob(key: string, taskId: string) {
  return withKey(cancelRoute.POST as Handler, `/api/v1/jobs/${taskId}/cancel`, key, { params: { taskId }, method: "POST" });
}

// The invariants every test checks: balance = sum(ledger) >= 0 per bucket, reserved = open holds.
export async function creditInvariants(businessId: string) {
  const balances = await prisma.creditBalance.findMany({ where: { businessId } });
  const ledger = await prisma.creditLedgerEntry.groupBy({ by: ["bucket"], where: { businessId }, _sum: { delta: true } });
  const holds = await prisma.creditReservation.aggregate({ where: { businessId, status: "reserved" }, _sum: { planCredits: true, topupCredits: true } });
  const problems: string[] = [];
  for (const bucket of ["plan", "topup"] as const) {
    const row = balances.find((b) => b.bucket === bucket);
    const sum = ledger.find((l) => l.bucket === bucket)?._sum.delta ?? 0;
    const open = bucket === "plan" ? (holds._sum.planCredits ?? 0) : (holds._sum.topupCredits ?? 0);
    if ((row?.balance ?? 0) !== sum) problems.push(`${bucket}: balance ${row?.balance} != ledger ${sum}`);
    if ((row?.balance ?? 0) < 0) problems.push(`${bucket}: negative balance`);
    if ((row?.reserved ?? 0) !== open) problems.push(`${bucket}: reserved ${row?.reserved} != open holds ${open}`);
  }
  return problems;
}

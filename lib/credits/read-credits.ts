import { prisma } from "@/lib/db";
import type { CreditReservation } from "@/lib/generated/prisma/client";

export interface CreditSummary {
  balance: number;
  available: number;
  reserved: number;
  buckets: { plan: BucketView; topup: BucketView };
  cycle: { start: string; end: string } | null;
}

interface BucketView {
  balance: number;
  available: number;
  reserved: number;
}

// GET /api/v1/credits and the credits page: both buckets and the plan period they belong to.
export async function getCreditSummary(businessId: string): Promise<CreditSummary> {
  const rows = await prisma.creditBalance.findMany({ where: { businessId } });
  const view = (bucket: "plan" | "topup"): BucketView => {
    const row = rows.find((r) => r.bucket === bucket);
    return { balance: row?.balance ?? 0, reserved: row?.reserved ?? 0, available: (row?.balance ?? 0) - (row?.reserved ?? 0) };
  };
  const plan = view("plan");
  const topup = view("topup");
  const planRow = rows.find((r) => r.bucket === "plan");
  return {
    balance: plan.balance + topup.balance,
    available: plan.available + topup.available,
    reserved: plan.reserved + topup.reserved,
    buckets: { plan, topup },
    cycle: planRow?.periodStart && planRow.periodEnd ? { start: planRow.periodStart.toISOString(), end: planRow.periodEnd.toISOString() } : null,
  };
}

export function toJobView(reservation: CreditReservation) {
  return {
    taskId: reservation.id,
    status: reservation.status,
    requestedSeconds: reservation.requestedSeconds,
    actualSeconds: reservation.actualSeconds,
    reserved: reservation.credits,
    used: reservation.usedCredits,
    refunded: reservation.refundedCredits,
    expiresAt: reservation.expiresAt.toISOString(),
    createdAt: reservation.createdAt.toISOString(),
    finishedAt: reservation.finishedAt?.toISOString() ?? null,
  };
}

export async function findJob(businessId: string, taskId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(taskId)) return null;
  return prisma.creditReservation.findFirst({ where: { id: taskId, businessId } });
}

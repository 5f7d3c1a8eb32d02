import { ApiError } from "@/lib/api/errors";
import { plans, UNLIMITED } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import type { Plan } from "@/lib/generated/prisma/enums";

const SEEN_WRITE_INTERVAL_MS = 30_000;
// Bounded, so a long-running instance does not keep every terminal it ever saw.
const MAX_REMEMBERED = 10_000;
const lastWritten = new Map<string, number>();

// Records a terminal as seen. Known terminals are updated at most every 30 s per instance; a new one is
// admitted under a lock on the business's subscription row so concurrent heartbeats cannot pass the plan limit.
export async function markTerminalSeen(businessId: string, plan: Plan, terminalId: string, apiKeyId: string, now = new Date()) {
  const cacheKey = `${businessId}\u0000${terminalId}`;
  const last = lastWritten.get(cacheKey);
  if (last !== undefined && now.getTime() - last < SEEN_WRITE_INTERVAL_MS) return;

  const updated = await prisma.posTerminal.updateMany({
    where: { businessId, terminalId },
    data: { lastSeenAt: now, lastApiKeyId: apiKeyId },
  });
  if (updated.count === 0) await registerTerminal(businessId, plan, terminalId, apiKeyId, now);
  lastWritten.delete(cacheKey);
  if (lastWritten.size >= MAX_REMEMBERED) lastWritten.delete(lastWritten.keys().next().value!);
  lastWritten.set(cacheKey, now.getTime());
}

async function registerTerminal(businessId: string, plan: Plan, terminalId: string, apiKeyId: string, now: Date) {
  const limit = plans[plan].limits.terminals;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE "businessId" = ${businessId} FOR UPDATE`;
    const known = await tx.posTerminal.count({ where: { businessId } });
    if (limit !== UNLIMITED && known >= limit) {
      throw new ApiError(
        "plan_limit_reached",
        `Your ${plans[plan].name} plan allows ${limit} POS terminal${limit === 1 ? "" : "s"}; "${terminalId}" would be one more.`,
      );
    }
    await tx.posTerminal.upsert({
      where: { businessId_terminalId: { businessId, terminalId } },
      create: { businessId, terminalId, lastSeenAt: now, lastApiKeyId: apiKeyId },
      update: { lastSeenAt: now, lastApiKeyId: apiKeyId },
    });
  });
}

export function listTerminals(businessId: string) {
  return prisma.posTerminal.findMany({ where: { businessId }, orderBy: { lastSeenAt: "desc" } });
}

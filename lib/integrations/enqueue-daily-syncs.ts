import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { adapters } from "./providers";

// The daily run: every active integration gets one sync per UTC day (the file providers upload yesterday's sales
// and new invoices; the others catch up on anything an event sync missed). Safe to call twice: one job per day.
export async function enqueueDailySyncs(now = new Date()): Promise<{ queued: number }> {
  const day = now.toISOString().slice(0, 10);
  const integrations = await prisma.integration.findMany({
    where: { status: "active", credentialsEncrypted: { not: null }, provider: { in: Object.keys(adapters) } },
    select: { id: true, businessId: true },
  });
  await prisma.$transaction(async (tx) => {
    for (const integration of integrations) {
      await enqueueJob(tx, {
        kind: "integration.sync",
        payload: { integrationId: integration.id, trigger: "daily" },
        businessId: integration.businessId,
        dedupeKey: `integration.sync:daily:${integration.id}:${day}`,
      });
    }
  });
  return { queued: integrations.length };
}

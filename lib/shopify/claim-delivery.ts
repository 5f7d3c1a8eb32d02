import { prisma } from "@/lib/db";

const STALE_PROCESSING_MS = 5 * 60_000;

export type DeliveryClaim = { outcome: "claimed"; id: string } | { outcome: "duplicate"; status: string } | { outcome: "in_progress" };

// One row per X-Shopify-Webhook-Id (unique): among concurrent copies exactly one claims it. A failed or
// long-stuck delivery may be claimed again by Shopify's next retry; a processed one is a duplicate.
export async function claimShopifyDelivery(delivery: { webhookId: string; topic: string; shopDomain: string }): Promise<DeliveryClaim> {
  const created = await prisma.shopifyDelivery.createMany({ data: [delivery], skipDuplicates: true });
  if (created.count === 1) {
    const row = await prisma.shopifyDelivery.findUniqueOrThrow({ where: { webhookId: delivery.webhookId }, select: { id: true } });
    return { outcome: "claimed", id: row.id };
  }
  const retried = await prisma.shopifyDelivery.updateMany({
    where: {
      webhookId: delivery.webhookId,
      OR: [{ status: "failed" }, { status: "processing", updatedAt: { lt: new Date(Date.now() - STALE_PROCESSING_MS) } }],
    },
    data: { status: "processing", attempts: { increment: 1 }, error: null },
  });
  const row = await prisma.shopifyDelivery.findUniqueOrThrow({ where: { webhookId: delivery.webhookId }, select: { id: true, status: true } });
  if (retried.count === 1) return { outcome: "claimed", id: row.id };
  return row.status === "processing" ? { outcome: "in_progress" } : { outcome: "duplicate", status: row.status };
}

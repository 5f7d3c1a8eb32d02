import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Subscriptions we bill that were cancelled at period end fall back to Free once that end has passed; an
// open renewal invoice they still have is voided. One conditional statement each, so re-running is harmless.
export async function endCancelledSubscriptions(now: Date, businessIds?: string[]): Promise<number> {
  const scope = businessIds ? Prisma.sql`AND "businessId" = ANY(${businessIds})` : Prisma.empty;
  return prisma.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Subscription" SET plan = 'free', status = 'active', provider = 'none', "cancelAtPeriodEnd" = false,
        "currentPeriodStart" = NULL, "currentPeriodEnd" = NULL, "renewalWalletMethod" = NULL, "renewalWalletPhone" = NULL,
        "updatedAt" = ${now}
      WHERE "cancelAtPeriodEnd" = true AND provider IN ('paynow', 'cvt', 'none') AND "currentPeriodEnd" <= ${now} ${scope}
      RETURNING id`;
    if (ended.length > 0) {
      await tx.invoice.updateMany({
        where: { subscriptionId: { in: ended.map((row) => row.id) }, status: "open" },
        data: { status: "void", voidReason: "The subscription was cancelled at the end of its period." },
      });
    }
    return ended.length;
  });
}

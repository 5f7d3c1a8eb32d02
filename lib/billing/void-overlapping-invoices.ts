import type { Prisma } from "@/lib/generated/prisma/client";

// A period paid by card must not stay payable by mobile money: every open invoice of ours (Paynow, CVT) whose
// period overlaps the card period is voided. A payment that still settles against one of them is recorded and
// flagged for review by the settlement code (the money is never silently lost).
export async function voidOverlappingOwnInvoices(
  tx: Prisma.TransactionClient,
  { businessId, periodStart, periodEnd, reason }: { businessId: string; periodStart: Date; periodEnd: Date; reason: string },
): Promise<number> {
  const voided = await tx.invoice.updateMany({
    where: {
      businessId,
      status: "open",
      provider: { in: ["paynow", "cvt", "none"] },
      OR: [{ periodStart: null }, { periodStart: { lt: periodEnd }, periodEnd: { gt: periodStart } }],
    },
    data: { status: "void", voidReason: reason },
  });
  return voided.count;
}

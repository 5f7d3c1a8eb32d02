import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Where billing mail for a business goes: its billing contact, else its first owner.
export async function billingEmailFor(businessId: string, db: Prisma.TransactionClient = prisma): Promise<string | null> {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: {
      contactEmail: true,
      members: { where: { role: "owner" }, orderBy: { createdAt: "asc" }, take: 1, select: { user: { select: { email: true } } } },
    },
  });
  return business?.contactEmail ?? business?.members[0]?.user.email ?? null;
}

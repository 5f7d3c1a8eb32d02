import { prisma } from "@/lib/db";
import type { UpdateBusinessInput } from "./schemas";

const businessFields = { id: true, name: true, slug: true, contactEmail: true, createdAt: true } as const;

export function getBusiness(businessId: string) {
  return prisma.business.findUniqueOrThrow({ where: { id: businessId }, select: businessFields });
}

export async function updateBusiness(businessId: string, actorUserId: string, input: UpdateBusinessInput) {
  return prisma.$transaction(async (tx) => {
    const business = await tx.business.update({ where: { id: businessId }, data: input, select: businessFields });
    await tx.auditLog.create({
      data: { businessId, actorUserId, action: "business.updated", entityType: "business", entityId: businessId, data: input },
    });
    return business;
  });
}

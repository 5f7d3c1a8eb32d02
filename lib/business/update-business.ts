import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import type { UpdateBusinessInput } from "./schemas";

const businessFields = { id: true, name: true, slug: true, contactEmail: true, createdAt: true } as const;

export function getBusiness(businessId: string) {
  return prisma.business.findUniqueOrThrow({ where: { id: businessId }, select: businessFields });
}

export async function updateBusiness(businessId: string, actorUserId: string, input: UpdateBusinessInput, origin: Pick<AuditActor, "ipAddress" | "userAgent"> = {}) {
  return prisma.$transaction(async (tx) => {
    const business = await tx.business.update({ where: { id: businessId }, data: input, select: businessFields });
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId, ...origin },
      action: "business.updated",
      target: { type: "business", id: businessId, label: business.name },
      data: input,
    });
    return business;
  });
}

import { prisma } from "@/lib/db";
import { posConfigSchema, type PosConfig } from "./schemas";

export async function getPosConfig(businessId: string): Promise<{ config: PosConfig; lastUpdated: Date | null }> {
  const row = await prisma.posSettings.findUnique({ where: { businessId } });
  const stored = posConfigSchema.safeParse(row?.config ?? {});
  return { config: stored.success ? stored.data : posConfigSchema.parse({}), lastUpdated: row?.updatedAt ?? null };
}

export async function updatePosConfig(businessId: string, actorUserId: string, config: PosConfig) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.posSettings.upsert({
      where: { businessId },
      create: { businessId, config },
      update: { config },
    });
    await tx.auditLog.create({
      data: { businessId, actorUserId, action: "pos_settings.updated", entityType: "pos_settings", entityId: businessId, data: config },
    });
    return { config, lastUpdated: row.updatedAt };
  });
}

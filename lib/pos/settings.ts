import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { posConfigSchema, type PosConfig } from "./schemas";

export async function getPosConfig(businessId: string): Promise<{ config: PosConfig; lastUpdated: Date | null }> {
  const row = await prisma.posSettings.findUnique({ where: { businessId } });
  const stored = posConfigSchema.safeParse(row?.config ?? {});
  return { config: stored.success ? stored.data : posConfigSchema.parse({}), lastUpdated: row?.updatedAt ?? null };
}

export async function updatePosConfig(businessId: string, actorUserId: string, config: PosConfig, origin: Pick<AuditActor, "ipAddress" | "userAgent"> = {}) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.posSettings.upsert({
      where: { businessId },
      create: { businessId, config },
      update: { config },
    });
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId, ...origin },
      action: "pos_settings.updated",
      target: { type: "pos_settings", id: businessId, label: "terminal" },
      data: config,
    });
    return { config, lastUpdated: row.updatedAt };
  });
}

import { recordAudit } from "@/lib/audit/record-audit";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { providers, type ProviderId } from "./catalog";

// Deletes the credentials, stops queued syncs and forgets what was delivered (a later connection may be another
// account); the sync history stays.
export async function disconnectIntegration(businessId: string, actorUserId: string, provider: ProviderId) {
  await prisma.$transaction(async (tx) => {
    const integration = await tx.integration.findUnique({ where: { businessId_provider: { businessId, provider } } });
    if (!integration?.credentialsEncrypted) throw new ApiError("not_found", `${providers[provider].name} is not connected.`);
    await tx.integration.update({
      where: { id: integration.id },
      data: { status: "inactive", credentialsEncrypted: null, credentialHints: Prisma.DbNull, settings: Prisma.DbNull, lastError: null, syncLockedUntil: null },
    });
    await tx.integrationItem.deleteMany({ where: { integrationId: integration.id } });
    await tx.$executeRaw`
      UPDATE "Job" SET status = 'failed', "lastError" = 'integration disconnected', "finishedAt" = now(), "updatedAt" = now()
      WHERE kind = 'integration.sync' AND status = 'queued' AND payload->>'integrationId' = ${integration.id}`;
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId },
      action: "integration.disconnected",
      target: { type: "integration", id: integration.id, label: providers[provider].name },
      data: { provider, name: providers[provider].name },
    });
  });
}

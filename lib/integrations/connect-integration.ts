import { recordAudit } from "@/lib/audit/record-audit";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { RetryLaterError } from "@/lib/jobs/job-errors";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { providers, type SyncingProviderId } from "./catalog";
import { splitFields } from "./credentials";
import { toIntegrationView } from "./integration-view";
import { ProviderAuthError, ProviderRequestError } from "./provider-http";
import { adapterFor } from "./providers";
import { providerFieldsSchema, type ConnectIntegrationInput } from "./schemas";
import { VerificationError } from "./verification-error";

// Connects (or reconfigures) an integration: the fields are checked with a cheap call to the provider first, and
// nothing is saved when it refuses them. Reconfiguring replaces the credentials and clears an error state.
export async function connectIntegration(businessId: string, actorUserId: string, input: ConnectIntegrationInput) {
  if (input.provider === "zapier") {
    throw new ApiError(
      "validation_failed",
      "provider: Zapier connects through webhook endpoints (REST hooks): add its hook URL under Webhook endpoints, or let Zapier subscribe one.",
    );
  }
  const provider = input.provider as SyncingProviderId;
  const fields = providerFieldsSchema(provider).parse({ ...input.settings, ...input.credentials }) as Record<string, string>;
  await verifyWithProvider(provider, fields);

  const { credentialsEncrypted, settings, hints } = splitFields(provider, fields);
  const integration = await prisma.$transaction(async (tx) => {
    const existing = await tx.integration.findUnique({ where: { businessId_provider: { businessId, provider } } });
    const saved = await tx.integration.upsert({
      where: { businessId_provider: { businessId, provider } },
      create: { businessId, provider, credentialsEncrypted, credentialHints: hints, settings, connectedAt: new Date() },
      update: {
        status: "active",
        credentialsEncrypted,
        credentialHints: hints,
        settings,
        lastError: null,
        syncLockedUntil: null,
        ...(existing?.credentialsEncrypted ? {} : { connectedAt: new Date() }),
      },
    });
    const reconfigured = Boolean(existing?.credentialsEncrypted);
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId },
      action: reconfigured ? "integration.reconfigured" : "integration.connected",
      target: { type: "integration", id: saved.id, label: providers[provider].name },
      data: { provider, name: providers[provider].name },
    });
    await enqueueJob(tx, {
      kind: "integration.sync",
      payload: { integrationId: saved.id, trigger: "connect" },
      businessId,
      dedupeKey: `integration.sync:connect:${saved.id}:${saved.updatedAt.getTime()}`,
    });
    return saved;
  });
  kickJobs();
  return toIntegrationView(provider, integration, null);
}

async function verifyWithProvider(provider: SyncingProviderId, fields: Record<string, string>) {
  const name = providers[provider].name;
  try {
    await adapterFor(provider)!.verify(fields);
  } catch (error) {
    if (error instanceof ProviderAuthError || error instanceof ProviderRequestError) {
      throw new ApiError("integration_credentials_rejected", `${name} refused the connection (${error.status}): ${error.answer}`);
    }
    if (error instanceof VerificationError) throw new ApiError("integration_credentials_rejected", `${name} refused the connection: ${error.message}`);
    if (error instanceof RetryLaterError) throw new ApiError("upstream_unavailable", `${name} is not answering right now (${error.message}). Try again in a moment.`);
    throw error;
  }
}

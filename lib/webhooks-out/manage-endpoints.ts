import { ApiError } from "@/lib/api/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toEndpointView } from "./endpoint-view";
import { forgetPosSubscription } from "./pos-subscribers";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schemas";
import { generateWebhookSecret, PREVIOUS_SECRET_OVERLAP_MS } from "./secret";

type Tx = Prisma.TransactionClient;
export const MAX_ENDPOINTS_PER_BUSINESS = 20;

export async function listEndpoints(businessId: string) {
  const rows = await prisma.webhookEndpoint.findMany({ where: { businessId }, orderBy: { createdAt: "desc" } });
  return rows.map(toEndpointView);
}

export async function findEndpointOrThrow(db: Tx | typeof prisma, businessId: string, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, businessId } });
  if (!endpoint) throw new ApiError("not_found", "No such webhook endpoint in this business.");
  return endpoint;
}

// The secret is returned here and never again (it is stored encrypted, to sign deliveries).
export async function createEndpoint(
  businessId: string,
  actor: AuditActor,
  input: CreateWebhookEndpointInput,
  source: "dashboard" | "zapier" = "dashboard",
) {
  const { secret, secretEncrypted } = generateWebhookSecret();
  const endpoint = await prisma.$transaction(async (tx) => {
    // Locks the business row so concurrent creations cannot pass the limit together.
    await tx.$queryRaw`SELECT 1 FROM "Business" WHERE id = ${businessId} FOR UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { businessId } })) >= MAX_ENDPOINTS_PER_BUSINESS) {
      throw new ApiError("conflict", `A business can have at most ${MAX_ENDPOINTS_PER_BUSINESS} webhook endpoints. Delete one first.`);
    }
    const created = await tx.webhookEndpoint.create({
      data: {
        businessId,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secretEncrypted,
        source,
        createdByUserId: actor.userId ?? null,
        createdByApiKeyId: actor.apiKeyId ?? null,
      },
    });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "webhook_endpoint.created",
      target: { type: "webhook_endpoint", id: created.id, label: created.url },
      data: { events: created.events, source },
    });
    return created;
  });
  forgetPosSubscription(businessId);
  return { endpoint: toEndpointView(endpoint), secret };
}

export async function updateEndpoint(businessId: string, endpointId: string, actor: AuditActor, input: UpdateWebhookEndpointInput) {
  const endpoint = await prisma.$transaction(async (tx) => {
    const current = await findEndpointOrThrow(tx, businessId, endpointId);
    const changed = (Object.keys(input) as (keyof UpdateWebhookEndpointInput)[]).filter(
      (field) => JSON.stringify(input[field]) !== JSON.stringify(current[field]),
    );
    const reEnabled = input.enabled === true && !current.enabled;
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        ...input,
        // Enabling again starts a clean slate; disabling by hand is not a failure.
        ...(reEnabled ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
        ...(input.enabled === false && current.enabled ? { disabledReason: "Disabled by a person.", disabledAt: new Date() } : {}),
      },
    });
    if (changed.length > 0) {
      await recordAudit(tx, {
        businessId,
        actor,
        action: "webhook_endpoint.updated",
        target: { type: "webhook_endpoint", id: updated.id, label: updated.url },
        data: { changed, ...(input.enabled !== undefined ? { enabled: input.enabled } : {}) },
      });
    }
    return updated;
  });
  forgetPosSubscription(businessId);
  return toEndpointView(endpoint);
}

// Deliveries go with the endpoint (they are a log, not financial records); the audit entry stays.
export async function deleteEndpoint(businessId: string, endpointId: string, actor: AuditActor, only?: { source: "zapier" }) {
  await prisma.$transaction(async (tx) => {
    const endpoint = await findEndpointOrThrow(tx, businessId, endpointId);
    if (only && endpoint.source !== only.source) throw new ApiError("not_found", "No such hook in this business.");
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "webhook_endpoint.deleted",
      target: { type: "webhook_endpoint", id: endpoint.id, label: endpoint.url },
      data: { source: endpoint.source },
    });
  });
  forgetPosSubscription(businessId);
}

// A new secret signs every delivery from now on (including retries of earlier events); the one it replaces signs
// beside it for 24 hours (PREVIOUS_SECRET_OVERLAP_MS), then stops. A second rotation within the day drops the oldest.
export async function rotateEndpointSecret(businessId: string, endpointId: string, actor: AuditActor, now = new Date()) {
  const { secret, secretEncrypted } = generateWebhookSecret();
  const endpoint = await prisma.$transaction(async (tx) => {
    const current = await findEndpointOrThrow(tx, businessId, endpointId);
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        secretEncrypted,
        previousSecretEncrypted: current.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_OVERLAP_MS),
      },
    });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "webhook_endpoint.secret_rotated",
      target: { type: "webhook_endpoint", id: updated.id, label: updated.url },
    });
    return updated;
  });
  return { endpoint: toEndpointView(endpoint), secret };
}

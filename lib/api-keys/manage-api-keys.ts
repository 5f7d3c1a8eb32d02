import { ApiError } from "@/lib/api/errors";
import { apiKeyLabel } from "@/lib/audit/describe-audit-entry";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { apiKeyEventData } from "@/lib/webhooks-out/event-data";
import { emitEvent } from "@/lib/webhooks-out/emit-event";
import { plans, UNLIMITED } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toApiKeyView } from "./api-key-view";
import { forgetCachedApiKey } from "./verify-api-key";
import { generateApiKey } from "./key-format";
import type { CreateApiKeyInput } from "./schemas";

type Tx = Prisma.TransactionClient;
// Where the request came from, for the audit log.
type Origin = Pick<AuditActor, "ipAddress" | "userAgent">;

const activeKeyWhere = (businessId: string, now = new Date()) => ({
  businessId,
  OR: [{ revokedAt: null }, { revokedAt: { gt: now } }],
  AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
});

export function countActiveApiKeys(businessId: string, db: Tx | typeof prisma = prisma) {
  return db.apiKey.count({ where: { ...activeKeyWhere(businessId), replacedById: null } });
}

// Creates a key inside the caller's transaction. The subscription row is locked first so two concurrent
// creations cannot both pass the plan's key limit.
export async function insertApiKey(tx: Tx, businessId: string, createdById: string | null, input: CreateApiKeyInput, origin: Origin = {}) {
  const [subscription] = await tx.$queryRaw<{ plan: keyof typeof plans }[]>`
    SELECT plan FROM "Subscription" WHERE "businessId" = ${businessId} FOR UPDATE`;
  await refuseIfClosed(tx, businessId);
  const plan = plans[subscription?.plan ?? "free"];
  if (input.rateLimitPerHour !== undefined && input.rateLimitPerHour > plan.limits.requestsPerHourPerKey) {
    throw new ApiError(
      "plan_limit_reached",
      `rateLimitPerHour: your ${plan.name} plan allows at most ${plan.limits.requestsPerHourPerKey.toLocaleString("en-US")} requests an hour per key; a key's own limit can only be lower.`,
    );
  }
  const limit = plan.limits.apiKeys;
  if (limit !== UNLIMITED && (await countActiveApiKeys(businessId, tx)) >= limit) {
    throw new ApiError(
      "plan_limit_reached",
      `Your ${plans[subscription?.plan ?? "free"].name} plan allows ${limit} active API key${limit === 1 ? "" : "s"}. Revoke one or upgrade.`,
    );
  }
  const created = await storeNewKey(tx, { businessId, createdById, ...input });
  await recordAudit(tx, {
    businessId,
    actor: { userId: createdById, ...origin },
    action: "api_key.created",
    target: { type: "api_key", id: created.apiKey.id, label: apiKeyLabel(created.apiKey) },
    data: { name: input.name, prefix: created.apiKey.prefix },
  });
  await emitEvent(tx, businessId, "api_key.created", apiKeyEventData({ ...created.apiKey, revokedAt: null }));
  return created;
}

async function refuseIfClosed(tx: Tx, businessId: string) {
  const business = await tx.business.findUnique({ where: { id: businessId }, select: { closedAt: true } });
  if (business?.closedAt) throw new ApiError("business_closed", "This business was closed; it cannot have API keys.");
}

type KeyFields = Pick<Prisma.ApiKeyUncheckedCreateInput, "businessId" | "name" | "scopes" | "environment" | "expiresAt" | "rateLimitPerHour" | "createdById">;

async function storeNewKey(tx: Tx, fields: KeyFields & { environment: "live" | "test" }) {
  const { key, prefix, hash } = generateApiKey(fields.environment);
  const apiKey = await tx.apiKey.create({ data: { ...fields, prefix, hash } });
  return { key, apiKey: toApiKeyView(apiKey) };
}

export function createApiKey(businessId: string, createdById: string, input: CreateApiKeyInput, origin: Origin = {}) {
  return prisma.$transaction((tx) => insertApiKey(tx, businessId, createdById, input, origin));
}

export async function listApiKeys(businessId: string) {
  const keys = await prisma.apiKey.findMany({ where: { businessId }, orderBy: { createdAt: "desc" } });
  return keys.map(toApiKeyView);
}

export async function revokeApiKey(businessId: string, apiKeyId: string, actorUserId: string, origin: Origin = {}) {
  const now = new Date();
  const revoked = await prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: apiKeyId, businessId } });
    if (!key) throw new ApiError("not_found", "No such API key in this business.");
    if (!key.revokedAt || key.revokedAt > now) {
      await tx.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: now } });
      await recordAudit(tx, {
        businessId,
        actor: { userId: actorUserId, ...origin },
        action: "api_key.revoked",
        target: { type: "api_key", id: apiKeyId, label: apiKeyLabel(key) },
      });
      await emitEvent(tx, businessId, "api_key.revoked", apiKeyEventData({ ...key, revokedAt: now }), { key: `api_key.revoked:${apiKeyId}` });
    }
    return key;
  });
  forgetCachedApiKey(revoked.hash);
}

// Issues a new key with the old one's settings; the old key keeps working for graceSeconds, then stops.
export async function rotateApiKey(businessId: string, apiKeyId: string, actorUserId: string, graceSeconds: number, origin: Origin = {}) {
  const result = await prisma.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({ where: { id: apiKeyId, businessId } });
    if (!old) throw new ApiError("not_found", "No such API key in this business.");
    const now = new Date();
    if ((old.revokedAt && old.revokedAt <= now) || (old.expiresAt && old.expiresAt <= now) || old.replacedById) {
      throw new ApiError("conflict", "Only an active key that was not rotated already can be rotated.");
    }
    await refuseIfClosed(tx, businessId);
    // One rotation in flight per key: while the key this one replaced still works, rotating again would
    // leave a third working key, and repeated rotations would pile up keys beyond the plan's limit.
    const predecessor = await tx.apiKey.findFirst({ where: { replacedById: old.id, revokedAt: { gt: now } }, select: { revokedAt: true } });
    if (predecessor) {
      throw new ApiError(
        "conflict",
        `This key replaced another that keeps working until ${predecessor.revokedAt!.toISOString()}. Rotate again after that, or revoke the old key first.`,
      );
    }
    // A rotation replaces a key rather than adding one, so the plan's key limit does not apply.
    const { businessId: ownerId, name, scopes, environment, expiresAt, rateLimitPerHour } = old;
    const created = await storeNewKey(tx, { businessId: ownerId, name, scopes, environment, expiresAt, rateLimitPerHour, createdById: actorUserId });
    const retireAt = new Date(now.getTime() + graceSeconds * 1000);
    // A conditional update, so of two concurrent rotations only one retires the old key; the other rolls back.
    const retired = await tx.apiKey.updateMany({
      where: { id: old.id, replacedById: null, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      data: { revokedAt: retireAt, replacedById: created.apiKey.id },
    });
    if (retired.count === 0) throw new ApiError("conflict", "This key was rotated or revoked meanwhile.");
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId, ...origin },
      action: "api_key.rotated",
      target: { type: "api_key", id: old.id, label: apiKeyLabel(old) },
      data: { graceSeconds, newKeyId: created.apiKey.id },
    });
    await emitEvent(tx, businessId, "api_key.created", { ...apiKeyEventData({ ...created.apiKey, revokedAt: null }), rotatedFromId: old.id });
    return { ...created, oldHash: old.hash, previousKeyRevokesAt: retireAt };
  });
  forgetCachedApiKey(result.oldHash);
  return { key: result.key, apiKey: result.apiKey, previousKeyRevokesAt: result.previousKeyRevokesAt };
}

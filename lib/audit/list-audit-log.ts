import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import type { AuditLog, Prisma } from "@/lib/generated/prisma/client";
import { apiKeyLabel, auditActionLabel, describeAuditEntry } from "./describe-audit-entry";
import type { AuditEntryView, AuditLogQuery } from "./schemas";

const DAY_MS = 86_400_000;
export const CSV_MAX_ROWS = 10_000;

function bound(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (!value) return undefined;
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(isDate ? `${value}T00:00:00.000Z` : value);
  return isDate && endOfDay ? new Date(at.getTime() + DAY_MS) : at;
}

function whereFor(businessId: string, query: Omit<AuditLogQuery, "limit" | "format" | "before">): Prisma.AuditLogWhereInput {
  const from = bound(query.from, false);
  const to = bound(query.to, true);
  if (from && to && from > to) throw new ApiError("validation_failed", "from: must not be after to");
  const isDateTo = query.to && /^\d{4}-\d{2}-\d{2}$/.test(query.to);
  return {
    businessId,
    ...(query.actor ? { OR: [{ actorUserId: query.actor }, { actorApiKeyId: query.actor }] } : {}),
    ...(query.action ? { action: query.action.endsWith(".") ? { startsWith: query.action } : query.action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? (isDateTo ? { lt: to } : { lte: to }) : {}) } } : {}),
  };
}

// Names for the actors of a page of entries, read in two queries (users, then keys), never per row.
async function actorNames(businessId: string, rows: AuditLog[]) {
  const userIds = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const keyIds = [...new Set(rows.flatMap((row) => (row.actorApiKeyId ? [row.actorApiKeyId] : [])))];
  const [users, keys] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    keyIds.length ? prisma.apiKey.findMany({ where: { id: { in: keyIds }, businessId }, select: { id: true, name: true, prefix: true } }) : [],
  ]);
  return new Map<string, string>([
    ...users.map((user) => [user.id, user.name] as [string, string]),
    ...keys.map((key) => [key.id, `API key ${apiKeyLabel(key)}`] as [string, string]),
  ]);
}

export function toAuditEntryView(row: AuditLog, names: Map<string, string>): AuditEntryView {
  const actorId = row.actorUserId ?? row.actorApiKeyId;
  const actorName = actorId ? names.get(actorId) ?? null : null;
  return {
    id: row.id,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    description: describeAuditEntry({ ...row, actorName }),
    actor: {
      type: row.actorUserId ? "user" : row.actorApiKeyId ? "api_key" : "system",
      id: actorId,
      name: actorName ?? (actorId ? "Former member" : "Tangabiz"),
    },
    target: { type: row.entityType, id: row.entityId, label: row.targetLabel },
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
  };
}

export async function listAuditLog(businessId: string, query: AuditLogQuery) {
  const where = whereFor(businessId, query);
  const take = query.format === "csv" ? CSV_MAX_ROWS : query.limit;
  let cursor: Prisma.AuditLogWhereInput = {};
  if (query.before) {
    const last = await prisma.auditLog.findFirst({ where: { id: query.before, businessId }, select: { createdAt: true, id: true } });
    if (!last) throw new ApiError("validation_failed", "before: no such entry");
    cursor = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await prisma.auditLog.findMany({
    where: { AND: [where, cursor] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const names = await actorNames(businessId, page);
  return { entries: page.map((row) => toAuditEntryView(row, names)), nextCursor: rows.length > take ? page.at(-1)!.id : null };
}

// The newest entries as sentences, for the overview's "Recent activity".
export async function recentActivity(businessId: string, take = 8) {
  const { entries } = await listAuditLog(businessId, { limit: take, format: "json" });
  return entries;
}

// Who appears in the log, for the Activity page's actor filter.
export async function listAuditActors(businessId: string) {
  const [members, keys] = await Promise.all([
    prisma.member.findMany({ where: { businessId }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    prisma.apiKey.findMany({ where: { businessId }, select: { id: true, name: true, prefix: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return [
    ...members.map(({ user }) => ({ id: user.id, name: user.name })),
    ...keys.map((key) => ({ id: key.id, name: `API key ${apiKeyLabel(key)}` })),
  ];
}

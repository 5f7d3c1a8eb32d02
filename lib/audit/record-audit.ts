import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./describe-audit-entry";

export type { AuditAction };

type Db = Pick<Prisma.TransactionClient, "auditLog">;

// Who acted, and from where. A user (session), an API key (e.g. Zapier), or neither: the system itself
// (a Stripe event, a job that gave up).
export interface AuditActor {
  userId?: string | null;
  apiKeyId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
}

export interface AuditTarget {
  type: string;
  id?: string | null;
  // How people know the target, kept even after it is gone: "tb_live_zFwc… (Till 2)", "hubspot", a URL.
  label?: string | null;
}

export interface AuditEntryInput {
  businessId: string;
  actor: AuditActor | { system: true };
  action: AuditAction;
  target: AuditTarget;
  // Details the sentence may use (from/to plan, role, changed fields). Never secrets.
  data?: Prisma.InputJsonObject;
}

// The one way to write an audit entry. Pass the cause's transaction so the entry exists exactly when the
// action committed; describeAuditEntry (describe-audit-entry.ts) turns it into a sentence.
export function recordAudit(db: Db, entry: AuditEntryInput) {
  const actor: AuditActor = "system" in entry.actor ? {} : entry.actor;
  return db.auditLog.create({
    data: {
      businessId: entry.businessId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      ipAddress: actor.ipAddress?.slice(0, 100) ?? null,
      userAgent: actor.userAgent?.slice(0, 400) ?? null,
      action: entry.action,
      entityType: entry.target.type,
      entityId: entry.target.id ?? null,
      targetLabel: entry.target.label?.slice(0, 200) ?? null,
      data: entry.data,
    },
  });
}

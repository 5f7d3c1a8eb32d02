import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { prisma } from "@/lib/db";
import { recordAudit, type AuditActor } from "./record-audit";
import { requestOrigin } from "./request-meta";

// Better Auth runs the team endpoints (invite, change role, remove); these hooks record them in the audit log
// with who did it and from where. The role before a change is read in the before hook and handed to the after
// hook through the request object.
const previousRoles = new WeakMap<object, string>();

type Returned = Record<string, unknown> | undefined;

function memberLabel(user: { name: string; email: string } | null | undefined, fallback: string) {
  return user ? `${user.name} <${user.email}>` : fallback;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export async function rememberPreviousRole(ctx: HookContext): Promise<void> {
  if (ctx.path !== "/organization/update-member-role" || !ctx.request) return;
  const memberId = (ctx.body as { memberId?: unknown } | undefined)?.memberId;
  if (typeof memberId !== "string") return;
  const member = await prisma.member.findUnique({ where: { id: memberId }, select: { role: true } });
  if (member) previousRoles.set(ctx.request, member.role);
}

export async function recordTeamChange(ctx: HookContext): Promise<void> {
  const watched = ["/organization/invite-member", "/organization/update-member-role", "/organization/remove-member"];
  if (!watched.includes(ctx.path)) return;
  const returned = ctx.context.returned as Returned;
  if (!returned || returned instanceof Error || "statusCode" in returned) return;
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (!session) return;
  const actor: AuditActor = { userId: session.user.id, ...(ctx.request ? requestOrigin(ctx.request.headers) : {}) };

  if (ctx.path === "/organization/invite-member") {
    const invitation = returned as { id: string; email: string; role: string; organizationId: string };
    await recordAudit(prisma, {
      businessId: invitation.organizationId,
      actor,
      action: "member.invited",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      data: { role: invitation.role },
    });
  } else if (ctx.path === "/organization/update-member-role") {
    const member = returned as { id: string; userId: string; role: string; organizationId: string };
    const from = ctx.request ? previousRoles.get(ctx.request) : undefined;
    if (from === member.role) return;
    const user = await prisma.user.findUnique({ where: { id: member.userId }, select: { name: true, email: true } });
    await recordAudit(prisma, {
      businessId: member.organizationId,
      actor,
      action: "member.role_changed",
      target: { type: "member", id: member.id, label: memberLabel(user, member.userId) },
      data: { from: from ?? null, to: member.role },
    });
  } else {
    const member = (returned as { member: { id: string; userId: string; role: string; organizationId: string } }).member;
    const user = await prisma.user.findUnique({ where: { id: member.userId }, select: { name: true, email: true } });
    await recordAudit(prisma, {
      businessId: member.organizationId,
      actor,
      action: "member.removed",
      target: { type: "member", id: member.id, label: memberLabel(user, member.userId) },
      data: { role: member.role },
    });
  }
}

import { APIError, getSessionFromCtx } from "better-auth/api";
import { prisma } from "@/lib/db";

// Better Auth lets every member read these; DESIGN.md "Roles" says staff do not see the team (emails, roles,
// invitations), so they are refused here. Owners and admins are unaffected.
const TEAM_READS = new Set([
  "/organization/list-members",
  "/organization/get-full-organization",
  "/organization/list-invitations",
  "/organization/get-active-member-role",
]);

type HookContext = Parameters<typeof getSessionFromCtx>[0] & { path: string; query?: Record<string, unknown> };

async function businessIdFor(query: Record<string, unknown> | undefined, activeBusinessId: string | null | undefined) {
  const slug = typeof query?.organizationSlug === "string" ? query.organizationSlug : undefined;
  if (slug) return (await prisma.business.findUnique({ where: { slug }, select: { id: true } }))?.id;
  return typeof query?.organizationId === "string" ? query.organizationId : (activeBusinessId ?? undefined);
}

export async function hideTeamFromStaff(ctx: HookContext): Promise<void> {
  if (!TEAM_READS.has(ctx.path)) return;
  const current = await getSessionFromCtx(ctx);
  if (!current) return;
  if (ctx.path === "/organization/get-active-member-role" && (ctx.query?.userId ?? current.user.id) === current.user.id) return;
  const activeBusinessId = (current.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  const businessId = await businessIdFor(ctx.query, activeBusinessId);
  if (!businessId) return;
  const member = await prisma.member.findFirst({ where: { businessId, userId: current.user.id }, select: { role: true } });
  if (member?.role === "staff") {
    throw new APIError("FORBIDDEN", { code: "FORBIDDEN", message: "Staff do not see the team. Ask an owner or admin." });
  }
}

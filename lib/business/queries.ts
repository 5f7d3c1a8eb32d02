import { getBillingUsage } from "@/lib/billing/usage";
import { prisma } from "@/lib/db";
import { outboxFields } from "@/lib/email/outbox-fields";

// Reads for the dashboard. Every one takes the caller's businessId and filters by it.

export function listMemberships(userId: string) {
  return prisma.member.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, business: { select: { id: true, name: true, slug: true } } },
  });
}

export async function getOverview(businessId: string) {
  const [business, billing, members, pendingInvitations, recentActivity] = await Promise.all([
    prisma.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true, slug: true, createdAt: true } }),
    getBillingUsage(businessId),
    prisma.member.count({ where: { businessId } }),
    prisma.invitation.count({ where: { businessId, status: "pending", expiresAt: { gt: new Date() } } }),
    prisma.auditLog.findMany({ where: { businessId }, orderBy: { createdAt: "desc" }, take: 8 }),
  ]);
  return { business, billing, members, pendingInvitations, recentActivity };
}

export async function getTeam(businessId: string) {
  const [members, invitations] = await Promise.all([
    prisma.member.findMany({
      where: { businessId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.invitation.findMany({
      where: { businessId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invitations };
}

export function listOutbox(businessId: string) {
  return prisma.emailMessage.findMany({
    where: { businessId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { ...outboxFields, html: true },
  });
}

export function getInvitationForAcceptance(invitationId: string) {
  return prisma.invitation.findUnique({
    where: { id: invitationId },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      business: { select: { name: true } },
      inviter: { select: { name: true } },
    },
  });
}

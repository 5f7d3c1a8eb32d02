import { prisma } from "@/lib/db";
import type { Role } from "./roles";

export interface CurrentMember {
  userId: string;
  businessId: string;
  role: Role;
}

// The membership a session acts through: the active business, or the user's first one when none is active.
export async function findCurrentMember(userId: string, activeBusinessId?: string | null) {
  const member = await prisma.member.findFirst({
    where: { userId, ...(activeBusinessId ? { businessId: activeBusinessId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { userId: true, businessId: true, role: true, business: { select: { id: true, name: true, slug: true } } },
  });
  return member ? { ...member, role: member.role as Role } : null;
}

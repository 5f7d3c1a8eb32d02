import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegisterBusinessInput } from "./schemas";
import { slugify, slugWithSuffix } from "./slug";

const SLUG_ATTEMPTS = 5;

// Creates the business, its owner membership and its free subscription in one transaction and makes
// it the session's active business. Slug uniqueness is decided by the unique index, not a prior read.
export async function registerBusiness(
  owner: { userId: string; sessionId?: string; ipAddress?: string | null },
  input: RegisterBusinessInput,
) {
  const base = slugify(input.businessName);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const slug = attempt === 0 ? base : slugWithSuffix(base);
    try {
      return await prisma.$transaction(async (tx) => {
        const business = await tx.business.create({
          data: { id: randomUUID(), name: input.businessName, slug, contactEmail: input.email },
          select: { id: true, name: true, slug: true },
        });
        await tx.member.create({
          data: { id: randomUUID(), businessId: business.id, userId: owner.userId, role: "owner" },
        });
        await tx.subscription.create({ data: { businessId: business.id, plan: "free", status: "active" } });
        await tx.auditLog.create({
          data: {
            businessId: business.id,
            actorUserId: owner.userId,
            action: "business.registered",
            entityType: "business",
            entityId: business.id,
            ipAddress: owner.ipAddress,
            data: { plan: "free" },
          },
        });
        if (owner.sessionId) {
          await tx.session.update({ where: { id: owner.sessionId }, data: { activeBusinessId: business.id } });
        }
        return business;
      });
    } catch (error) {
      if (!isSlugConflict(error)) throw error;
    }
  }
  throw new Error(`Could not find a free slug for "${input.businessName}"`);
}

function isSlugConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes("slug");
}

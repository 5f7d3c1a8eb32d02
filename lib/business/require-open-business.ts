import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";

// A closed business keeps its records but starts nothing new that bills or charges.
export async function requireOpenBusiness(businessId: string): Promise<void> {
  const business = await prisma.business.findUnique({ where: { id: businessId }, select: { closedAt: true } });
  if (business?.closedAt) throw new ApiError("business_closed", "This business was closed; it cannot take up a plan or be billed again.");
}

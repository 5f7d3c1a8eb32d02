import { prisma } from "@/lib/db";
import { outboxFields } from "./outbox-fields";

// Emails that belong to no business (password resets, verifications): only the development outbox shows them.
export function listDevOutbox() {
  return prisma.emailMessage.findMany({
    where: { businessId: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { ...outboxFields, html: true },
  });
}

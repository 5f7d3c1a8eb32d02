import { prisma } from "@/lib/db";
import { callStripe } from "./client";

// One Stripe customer per business, created once and stored. Concurrent first checkouts send the same
// idempotency key, so Stripe answers both with the same customer, and the conditional write keeps the first.
export async function ensureStripeCustomer(businessId: string): Promise<string> {
  const existing = await prisma.subscription.findUnique({ where: { businessId }, select: { externalCustomerId: true } });
  if (existing?.externalCustomerId) return existing.externalCustomerId;

  const business = await prisma.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { name: true, contactEmail: true, members: { where: { role: "owner" }, take: 1, select: { user: { select: { email: true } } } } },
  });
  const customer = await callStripe((stripe) =>
    stripe.customers.create(
      {
        name: business.name,
        email: business.contactEmail ?? business.members[0]?.user.email,
        metadata: { businessId },
      },
      { idempotencyKey: `tangabiz-customer-${businessId}` },
    ),
  );

  await prisma.subscription.upsert({
    where: { businessId },
    create: { businessId, externalCustomerId: customer.id },
    update: {},
  });
  await prisma.subscription.updateMany({
    where: { businessId, externalCustomerId: null },
    data: { externalCustomerId: customer.id },
  });
  const stored = await prisma.subscription.findUniqueOrThrow({ where: { businessId }, select: { externalCustomerId: true } });
  return stored.externalCustomerId ?? customer.id;
}

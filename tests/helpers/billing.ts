import { prisma } from "@/lib/db";
import type { PaymentProviderName, Plan, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { createBusiness } from "./fixtures";

export const DAY = 86_400_000;

export interface SubscribedOptions {
  plan?: Plan;
  provider?: PaymentProviderName;
  status?: SubscriptionStatus;
  periodEnd: Date;
  currency?: string;
  cvtCustomerId?: string;
  cancelAtPeriodEnd?: boolean;
}

// A registered business (owner, first key) whose subscription is set to the given state.
export async function subscribedBusiness(name: string, options: SubscribedOptions) {
  const created = await createBusiness(name);
  const { plan = "basic", provider = "paynow", status = "active", periodEnd, currency = "USD", cancelAtPeriodEnd = false } = options;
  if (options.cvtCustomerId) await prisma.business.update({ where: { id: created.business.id }, data: { cvtCustomerId: options.cvtCustomerId } });
  const subscription = await prisma.subscription.upsert({
    where: { businessId: created.business.id },
    create: { businessId: created.business.id },
    update: {},
  });
  await prisma.subscription.update({
    where: { id: subscription.id },
    data: {
      plan,
      provider,
      status,
      billingCurrency: currency,
      cancelAtPeriodEnd,
      currentPeriodStart: new Date(periodEnd.getTime() - 30 * DAY),
      currentPeriodEnd: periodEnd,
    },
  });
  return { ...created, subscriptionId: subscription.id };
}

export function renewalInvoicesOf(subscriptionId: string) {
  return prisma.invoice.findMany({ where: { subscriptionId }, orderBy: { periodStart: "asc" } });
}

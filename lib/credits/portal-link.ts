import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { isStripeConfigured } from "@/lib/payments/stripe/client";
import { createPortalSession } from "@/lib/payments/stripe/subscription-actions";

// POST /api/v1/portal-link: a business that pays by card gets a Stripe billing portal session; every other
// business gets its billing page (plans, mobile-money invoices, credits), where the owner signs in.
export async function billingPortalLink(businessId: string): Promise<{ url: string; kind: "stripe_portal" | "billing_page" }> {
  const subscription = await prisma.subscription.findUnique({ where: { businessId }, select: { externalCustomerId: true } });
  if (subscription?.externalCustomerId && isStripeConfigured()) {
    return { ...(await createPortalSession(businessId)), kind: "stripe_portal" };
  }
  return { url: new URL("/dashboard/billing", env.APP_URL).toString(), kind: "billing_page" };
}

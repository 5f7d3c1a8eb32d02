import { ApiError } from "@/lib/api/errors";
import { plans, type PaidPlan } from "@/lib/billing/plans";
import { stripePriceIdForPlan } from "./prices";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { callStripe, requireStripe } from "./client";
import { ensureStripeCustomer } from "./customer";
import { applyStripeSubscriptionNow, retrieveSubscription } from "./sync-subscription";

export interface PlanCheckoutRequest {
  businessId: string;
  userId: string;
  plan: PaidPlan;
  successUrl?: string;
  cancelUrl?: string;
  idempotencyKey: string;
}

export type PlanCheckoutResult =
  | { kind: "checkout"; sessionId: string; url: string }
  | { kind: "updated"; plan: PaidPlan };

function priceFor(plan: PaidPlan): string {
  const priceId = stripePriceIdForPlan(plan);
  if (!priceId) {
    throw new ApiError("provider_not_configured", `Card billing for the ${plans[plan].name} plan is not configured (STRIPE_PRICE_ID_${plan.toUpperCase()}).`);
  }
  return priceId;
}

// A business without a Stripe subscription pays through Checkout; one with a subscription changes the
// price of that subscription (Stripe prorates), so it never ends up with two.
export async function startPlanCheckout(request: PlanCheckoutRequest): Promise<PlanCheckoutResult> {
  requireStripe();
  const priceId = priceFor(request.plan);
  const current = await prisma.subscription.findUnique({ where: { businessId: request.businessId } });
  if (current?.externalSubscriptionId) {
    const changed = await changePlan(request, current.externalSubscriptionId, priceId);
    if (changed) return changed;
  }

  const customer = await ensureStripeCustomer(request.businessId);
  const billingUrl = `${env.APP_URL}/dashboard/billing`;
  const session = await callStripe((stripe) =>
    stripe.checkout.sessions.create(
      {
        mode: "subscription",
        customer,
        client_reference_id: request.businessId,
        line_items: [{ price: priceId, quantity: 1 }],
        metadata: { businessId: request.businessId, plan: request.plan },
        subscription_data: { metadata: { businessId: request.businessId } },
        success_url: request.successUrl ?? `${billingUrl}?checkout=success&plan=${request.plan}&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: request.cancelUrl ?? `${billingUrl}?checkout=canceled`,
      },
      { idempotencyKey: `tangabiz-checkout-${request.businessId}-${request.idempotencyKey}` },
    ),
  );
  if (!session.url) throw new ApiError("upstream_unavailable", "Stripe did not return a checkout page.");
  return { kind: "checkout", sessionId: session.id, url: session.url };
}

// null when Stripe says the subscription has already ended (a missed event): then a new checkout starts.
async function changePlan(request: PlanCheckoutRequest, subscriptionId: string, priceId: string): Promise<PlanCheckoutResult | null> {
  const live = await callStripe(() => retrieveSubscription(subscriptionId));
  if (live.status === "canceled" || live.status === "incomplete_expired") {
    await applyStripeSubscriptionNow(request.businessId, live, { userId: request.userId });
    return null;
  }
  const item = live.items.data[0];
  if (item?.price.id === priceId) throw new ApiError("conflict", `This business is already on the ${plans[request.plan].name} plan.`);
  const updated = await callStripe((stripe) =>
    stripe.subscriptions.update(
      subscriptionId,
      {
        items: item ? [{ id: item.id, price: priceId }] : [{ price: priceId }],
        proration_behavior: "create_prorations",
        metadata: { businessId: request.businessId },
      },
      { idempotencyKey: `tangabiz-plan-${subscriptionId}-${priceId}-${request.idempotencyKey}` },
    ),
  );
  await applyStripeSubscriptionNow(request.businessId, updated, { userId: request.userId });
  return { kind: "updated", plan: request.plan };
}

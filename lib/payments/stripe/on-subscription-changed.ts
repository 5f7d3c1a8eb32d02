import { fromStripeTime, stripeId, type Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";
import { applyStripeSubscription, findBusinessForStripe, retrieveSubscription } from "./sync-subscription";

// customer.subscription.created | updated | deleted: plan from the price, status, period, cancelAtPeriodEnd.
export async function onSubscriptionChanged(event: Stripe.Event): Promise<EventPlan> {
  const payload = event.data.object as Stripe.Subscription;
  const businessId = await findBusinessForStripe({
    subscriptionId: payload.id,
    customerId: stripeId(payload.customer),
    businessId: payload.metadata?.businessId,
  });
  if (!businessId) return ignored;
  const subscription = await retrieveSubscription(payload.id, payload);
  return {
    status: "processed",
    apply: (tx) => applyStripeSubscription(tx, businessId, subscription, fromStripeTime(event.created)),
  };
}

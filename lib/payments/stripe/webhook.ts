import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { ClaimLostError, claimWebhookEvent, failWebhookEvent, finishWebhookEvent } from "@/lib/webhooks/claim-event";
import type { WebhookResult } from "../provider";
import { stripeWebhookSecret } from "./client";
import type { EventHandler, EventPlan } from "./event-plan";
import { onCheckoutCompleted } from "./on-checkout-completed";
import { onCheckoutExpired } from "./on-checkout-expired";
import { onInvoicePaid } from "./on-invoice-paid";
import { onInvoicePaymentFailed } from "./on-invoice-payment-failed";
import { onPaymentIntentFailed } from "./on-payment-intent-failed";
import { onSubscriptionChanged } from "./on-subscription-changed";

const handlers: Record<string, EventHandler> = {
  "checkout.session.completed": onCheckoutCompleted,
  "checkout.session.expired": onCheckoutExpired,
  "customer.subscription.created": onSubscriptionChanged,
  "customer.subscription.updated": onSubscriptionChanged,
  "customer.subscription.deleted": onSubscriptionChanged,
  "invoice.paid": onInvoicePaid,
  "invoice.payment_succeeded": onInvoicePaid,
  "invoice.payment_failed": onInvoicePaymentFailed,
  "payment_intent.payment_failed": onPaymentIntentFailed,
};

// The event was recorded as failed; answering 500 makes Stripe deliver it again later.
export class WebhookProcessingError extends Error {
  constructor(readonly eventId: string, cause: unknown) {
    super(`Stripe event ${eventId} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  const secret = stripeWebhookSecret();
  if (!signature) throw new ApiError("invalid_signature", "The Stripe-Signature header is missing.");
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new ApiError("invalid_signature", "The Stripe signature does not match this payload, or it is too old.");
  }
}

export async function handleStripeWebhook(rawBody: string, headers: Headers): Promise<WebhookResult> {
  const event = verifyStripeEvent(rawBody, headers.get("stripe-signature"));
  const claim = await claimWebhookEvent({ provider: "stripe", eventId: event.id, type: event.type, payload: event });
  // A copy that arrives while another is being applied is answered 409 so Stripe delivers it again later:
  // if that first attempt dies, the event is claimed anew once it is stale, instead of being lost.
  if (claim.outcome === "in_progress") throw new ApiError("conflict", `Event ${event.id} is being processed; retry later.`);
  if (claim.outcome !== "claimed") return { outcome: "duplicate", eventId: event.id };
  return applyClaimedEvent(event, claim);
}

// Applies an event under its claim. The claim is checked in the same transaction as the event's writes, so
// of a slow attempt and the retry that took its claim over, only one can commit.
export async function applyClaimedEvent(event: Stripe.Event, claim: { id: string; attempt: number }): Promise<WebhookResult> {
  let plan: EventPlan;
  try {
    plan = (await handlers[event.type]?.(event)) ?? { status: "ignored" };
    await prisma.$transaction(async (tx) => {
      await plan.apply?.(tx);
      await finishWebhookEvent(claim, plan.status, tx);
    });
  } catch (error) {
    if (error instanceof ClaimLostError) {
      throw new ApiError("conflict", `Event ${event.id} was taken over by a later delivery; this one changed nothing.`);
    }
    await failWebhookEvent(claim, error);
    throw new WebhookProcessingError(event.id, error);
  }
  // Notifications go out only after the event's writes are committed; their own failures are recorded
  // in the email log, not by failing (and re-applying) the event.
  await plan.afterCommit?.().catch((error) => console.error(`after-commit step of ${event.id} failed:`, (error as Error).message));
  return { outcome: plan.status, eventId: event.id };
}

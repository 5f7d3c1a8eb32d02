import { prisma } from "@/lib/db";
import type { Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";

// checkout.session.expired: a one-off order whose checkout lapsed unpaid fails, with the reason shown on its page.
export async function onCheckoutExpired(event: Stripe.Event): Promise<EventPlan> {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.mode !== "payment") return ignored;
  const order = await prisma.order.findUnique({ where: { stripeCheckoutSessionId: session.id }, select: { id: true } });
  if (!order) return ignored;
  return {
    status: "processed",
    apply: (tx) =>
      tx.order.updateMany({
        where: { id: order.id, status: "pending" },
        data: { status: "failed", failureReason: "The checkout expired before the card was charged." },
      }),
  };
}

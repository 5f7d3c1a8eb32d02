import type { Stripe } from "./client";
import type { Tx } from "./sync-subscription";

// What one event does: network reads happen while the plan is made; every write of the event happens in
// `apply`, inside one transaction that also marks the event processed; `afterCommit` sends notifications.
export interface EventPlan {
  status: "processed" | "ignored";
  apply?: (tx: Tx) => Promise<unknown>;
  afterCommit?: () => Promise<unknown>;
}

export type EventHandler = (event: Stripe.Event) => Promise<EventPlan>;

export const ignored: EventPlan = { status: "ignored" };

import * as checkout from "@/app/api/billing/checkout-session/route";
import * as webhook from "@/app/api/webhooks/stripe/route";
import type { FakeStripe } from "../fakes/stripe-server";
import { call } from "./http";
import { signedDelivery } from "./stripe";

// Helpers that drive the app's own routes; import them only after startFakeStripeForApp() set the env.

export function deliver(event: object, options: Parameters<typeof signedDelivery>[1] = {}) {
  return call(webhook.POST, "/api/webhooks/stripe", signedDelivery(event, options));
}

export async function deliverAll(events: object[]) {
  const results = [];
  for (const event of events) results.push(await deliver(event));
  return results;
}

export function startCheckout(cookie: string, body: object, headers: Record<string, string> = {}) {
  return call(checkout.POST, "/api/billing/checkout-session", { cookie, body, headers });
}

// The whole card flow: checkout, the customer pays on Stripe's page, Stripe's events arrive.
export async function subscribe(fake: FakeStripe, cookie: string, plan: "basic" | "pro" | "enterprise") {
  const res = await startCheckout(cookie, { plan });
  if (res.status !== 200) throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.json)}`);
  const events = fake.completeCheckout(res.json.sessionId);
  for (const result of await deliverAll(events)) {
    if (result.status !== 200) throw new Error(`webhook failed: ${result.status} ${JSON.stringify(result.json)}`);
  }
  const session = fake.sessions.get(res.json.sessionId)!;
  return { sessionId: res.json.sessionId as string, subscriptionId: session.subscription as string, invoiceId: session.invoice as string, events };
}

import { prisma } from "@/lib/db";
import { posScopes } from "@/lib/api-keys/scopes";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import { connectIntegration } from "@/lib/integrations/connect-integration";
import { sendTestEvent } from "@/lib/webhooks-out/deliveries";
import { createEndpoint } from "@/lib/webhooks-out/manage-endpoints";
import { subscribeZapierHook } from "@/lib/webhooks-out/zapier-hooks";
import { FakeHubspot } from "../../fakes/integrations/hubspot";
import { fakePaynow } from "../../helpers/paynow";
import { setSubscription } from "../../helpers/api-key";
import { addMember, createBusiness } from "../../helpers/fixtures";
import { createInvoice, payAsOwner } from "../../helpers/paynow-flows";
import { createOrder } from "@/lib/billing/orders";
import { reserveCredits } from "@/lib/credits/reserve-credits";
import { addTopupCredits } from "../../helpers/credits";

export const callers = ["anonymous", "otherOwner", "otherKey", "staff", "admin", "owner", "ownKey"] as const;
export type Caller = (typeof callers)[number];

// Business A (the target: owner, admin, staff, its key, an open Paynow invoice with a pending payment) and
// business B (another tenant: its owner and its key).
export const hubspotToken = new FakeHubspot().token;

export async function buildWorld() {
  const a = await createBusiness("Tenant A Shop");
  const admin = await addMember(a.owner.cookie, a.business.id, "admin");
  const staff = await addMember(a.owner.cookie, a.business.id, "staff");
  const b = await createBusiness("Tenant B Shop");
  // Enough room on A's plan that creating keys succeeds for those allowed to.
  await setSubscription(a.business.id, { plan: "enterprise", status: "active" });

  const invoice = await createInvoice(a.owner.cookie, { plan: "basic" });
  if (invoice.status !== 201) throw new Error(`invoice: ${invoice.status} ${JSON.stringify(invoice.json)}`);
  const invoiceRecord = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.json.invoice.id } });
  const payment = await payAsOwner(a.owner.cookie, { invoiceId: invoiceRecord.id, method: "ecocash", phone: "0779999999" });
  if (payment.status !== 201) throw new Error(`payment: ${payment.status} ${JSON.stringify(payment.json)}`);

  // Credits (issue 13): both businesses' keys may use the credits routes; A has a running job and a top-up order.
  await prisma.apiKey.updateMany({ where: { businessId: { in: [a.business.id, b.business.id] } }, data: { scopes: [...posScopes, "credits:read", "credits:write", "webhooks:manage"] } });
  forgetAllCachedApiKeys();
  await addTopupCredits(a.business.id, 10);
  const job = await reserveCredits({ businessId: a.business.id, apiKeyId: a.apiKeyId, requestedSeconds: 5 });
  if (job.outcome !== "reserved") throw new Error(`job: ${job.outcome}`);
  const order = await createOrder(a.business.id, { description: "1,000 Tangabiz credits", amountCents: 1_000, currency: "USD" });

  // A webhook endpoint of A with one delivery (a test event), for the endpoint and delivery routes.
  const ownerActor = { userId: a.owner.userId };
  const { endpoint } = await createEndpoint(a.business.id, ownerActor, { url: "https://hooks.example.com/tenant-a", events: ["invoice.paid"] });
  const delivery = await sendTestEvent(a.business.id, endpoint.id);
  const paymentRecord = await prisma.payment.findUniqueOrThrow({ where: { id: payment.json.paymentId } });

  const credentials: Record<Caller, { cookie?: string; key?: string }> = {
    anonymous: {},
    otherOwner: { cookie: b.owner.cookie },
    otherKey: { key: b.apiKey },
    staff: { cookie: staff.cookie },
    admin: { cookie: admin.cookie },
    owner: { cookie: a.owner.cookie },
    ownKey: { key: a.apiKey },
  };

  return {
    a: {
      ...a,
      invoiceId: invoiceRecord.id,
      payToken: invoiceRecord.paymentToken!,
      paymentId: payment.json.paymentId as string,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      taskId: job.taskId,
      orderId: order.id,
    },
    b,
    credentials,
    // A key of business A made for one destructive call (revoke, rotate), so each caller meets a live key.
    async freshKeyOfA() {
      const created = await createApiKey(a.business.id, a.owner.userId, { name: "Matrix", scopes: posScopes, environment: "live" });
      return created.apiKey.id;
    },
    async currentNameOfA() {
      return (await prisma.business.findUniqueOrThrow({ where: { id: a.business.id }, select: { name: true } })).name;
    },
    // Resources of A consumed by one call each (delete, disconnect, send again, re-apply), made afresh per caller.
    async freshEndpointOfA() {
      const created = await createEndpoint(a.business.id, ownerActor, { url: "https://hooks.example.com/doomed", events: ["invoice.paid"] });
      return created.endpoint.id;
    },
    async freshZapierHookOfA() {
      const hook = await subscribeZapierHook(a.business.id, ownerActor, { target_url: "https://hooks.zapier.com/hooks/standard/1/a", event: "invoice.paid" });
      return hook.id;
    },
    async failedEmailOfA() {
      const email = await prisma.emailMessage.create({
        data: { businessId: a.business.id, template: "payment-received", to: "owner@a.example", subject: "Paid", html: "", text: "", status: "failed", error: "bounced" },
      });
      return email.id;
    },
    // A verified Paynow callback about A's payment whose applying failed; it says "Cancelled", so applying it
    // again changes nothing the other rows rely on.
    async failedCallbackOfA() {
      const body = fakePaynow.statusBody(paymentRecord.externalReference!, { status: "Cancelled" });
      const callback = await prisma.paynowCallback.create({ data: { body, verified: true, reference: paymentRecord.externalReference, outcome: "error" } });
      return callback.id;
    },
    // A's HubSpot connected (the fake HubSpot checks the token), for sync and disconnect.
    async connectedHubspotOfA() {
      await connectIntegration(a.business.id, a.owner.userId, { provider: "hubspot", credentials: { accessToken: hubspotToken } });
      return "hubspot";
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

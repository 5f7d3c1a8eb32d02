import { afterAll, describe, expect, it, vi } from "vitest";
import * as topupRoute from "@/app/api/credits/topups/route";
import * as orderRoute from "@/app/api/credits/orders/[id]/route";
import * as apiTopupRoute from "@/app/api/v1/checkout/topup/route";
import * as portalRoute from "@/app/api/v1/portal-link/route";
import { drainEmail } from "../helpers/jobs";
import { prisma } from "@/lib/db";
import { addMember } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { withKey } from "../helpers/api-key";
import { creditInvariants, creditsBusiness, getCredits } from "../helpers/credits";
import { deliver, subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

type Handler = Parameters<typeof call>[0];
const buy = (cookie: string, body: unknown) => call(topupRoute.POST as Handler, "/api/credits/topups", { cookie, body });
const order = (cookie: string, id: string) => call(orderRoute.GET as Handler, `/api/credits/orders/${id}`, { cookie, params: { id } });

describe("credit top-ups by card (Stripe Checkout in payment mode)", () => {
  it("creates an order and a checkout; the completed checkout grants the credits once, with a receipt and a payment row", async () => {
    const { owner, business, apiKey } = await creditsBusiness("Card Topup");
    const res = await buy(owner.cookie, { pack: 1000, provider: "card" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ orderId: expect.any(String), sessionId: expect.stringMatching(/^cs_/), url: expect.stringContaining(fake.url) });
    const session = fake.sessions.get(res.json.sessionId)!;
    expect(session).toMatchObject({ mode: "payment", amount_total: 1_000, currency: "usd", metadata: { businessId: business.id, orderId: res.json.orderId } });
    expect(session.success_url).toBe(`http://localhost:3000/dashboard/credits?order=${res.json.orderId}`);
    expect((await order(owner.cookie, res.json.orderId)).json.order).toMatchObject({ status: "pending", credits: 1_000 });

    const events = fake.completeCheckout(res.json.sessionId);
    const results = await Promise.all([...events, ...events, ...events].map((event) => deliver(event)));
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    for (const event of events) await deliver(event);

    expect((await order(owner.cookie, res.json.orderId)).json.order).toMatchObject({ status: "paid", credits: 1_000, failureReason: null });
    expect((await getCredits(apiKey)).json).toMatchObject({ balance: 1_000, buckets: { topup: { balance: 1_000 } } });
    expect(await prisma.creditLedgerEntry.findMany({ where: { businessId: business.id }, select: { kind: true, delta: true, orderId: true } })).toEqual([
      { kind: "topup", delta: 1_000, orderId: res.json.orderId },
    ]);
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { businessId: business.id } });
    expect(invoice).toMatchObject({ status: "paid", provider: "stripe", number: expect.stringMatching(/^INV-\d{4}-\d{6}$/), amountPaidCents: 1_000, externalId: res.json.sessionId });
    expect(await prisma.payment.findMany({ where: { businessId: business.id }, select: { status: true, amountCents: true, invoiceId: true } })).toEqual([
      { status: "paid", amountCents: 1_000, invoiceId: invoice.id },
    ]);
    const receipts = await prisma.emailMessage.findMany({ where: { businessId: business.id, template: "order-receipt" } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0].text).toContain("1,000 credits were added");
    // Without RESEND_API_KEY the message is kept in the local outbox.
    expect((await drainEmail(receipts[0].id)).status).toBe("kept");
    expect(await creditInvariants(business.id)).toEqual([]);
  });

  it("a declined card shows why on the order; only owners buy; other businesses cannot see the order", async () => {
    const { owner, business } = await creditsBusiness("Declined Topup");
    const other = await creditsBusiness("Other Topup");
    const res = await buy(owner.cookie, { pack: 2000, provider: "card", currency: "USD" });
    expect(fake.sessions.get(res.json.sessionId)!.amount_total).toBe(1_800);
    const declined = fake.snapshotEvent("payment_intent.payment_failed", {
      id: "pi_topup_declined",
      object: "payment_intent",
      amount: 1_800,
      currency: "usd",
      status: "requires_payment_method",
      last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
      metadata: { businessId: business.id, orderId: res.json.orderId },
    });
    expect((await deliver(declined)).status).toBe(200);
    expect((await order(owner.cookie, res.json.orderId)).json.order).toMatchObject({ status: "pending", failureReason: "Your card was declined." });
    expect((await order(other.owner.cookie, res.json.orderId)).status).toBe(404);

    const expired = fake.snapshotEvent("checkout.session.expired", { ...fake.sessions.get(res.json.sessionId)!, status: "expired", url: null });
    expect((await deliver(expired)).status).toBe(200);
    expect((await order(owner.cookie, res.json.orderId)).json.order).toMatchObject({ status: "failed", failureReason: "The checkout expired before the card was charged." });

    const admin = await addMember(owner.cookie, business.id, "admin");
    const refused = await buy(admin.cookie, { pack: 1000, provider: "card" });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden");
    const bad = await buy(owner.cookie, { pack: 1500, provider: "card" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/^pack/);
    expect(await prisma.order.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("apps start a top-up with a key and get the portal link; a paid plan period grants its credits once", async () => {
    const { owner, business, apiKey } = await creditsBusiness("App Topup");
    const before = await withKey(portalRoute.POST as Handler, "/api/v1/portal-link", apiKey, { method: "POST" });
    expect(before.json).toEqual({ url: "http://localhost:3000/dashboard/billing", kind: "billing_page" });
    const started = await withKey(apiTopupRoute.POST as Handler, "/api/v1/checkout/topup", apiKey, { body: { pack: 1000, provider: "card" } });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ orderId: expect.any(String), url: expect.stringContaining("/c/pay/"), provider: "card" });

    const { events } = await subscribe(fake, owner.cookie, "pro");
    for (const event of events) await deliver(event);
    const credits = await getCredits(apiKey);
    expect(credits.json).toMatchObject({ balance: 2_500, buckets: { plan: { balance: 2_500 } }, cycle: { start: expect.any(String), end: expect.any(String) } });
    expect(await prisma.creditLedgerEntry.count({ where: { businessId: business.id, kind: "plan_grant" } })).toBe(1);
    expect(await prisma.creditPlanGrant.count({ where: { businessId: business.id } })).toBe(1);

    const portal = await withKey(portalRoute.POST as Handler, "/api/v1/portal-link", apiKey, { method: "POST" });
    expect(portal.json).toMatchObject({ kind: "stripe_portal", url: expect.stringContaining(fake.url) });
    expect(await creditInvariants(business.id)).toEqual([]);
  });
});

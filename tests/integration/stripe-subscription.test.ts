import { afterAll, describe, expect, it, vi } from "vitest";
import * as invoicesRoute from "@/app/api/billing/invoices/route";
import * as portal from "@/app/api/billing/portal/route";
import * as resume from "@/app/api/billing/subscription/resume/route";
import * as subscriptionRoute from "@/app/api/billing/subscription/route";
import * as usage from "@/app/api/billing/usage/route";
import { prisma } from "@/lib/db";
import { addMember, createBusiness } from "../helpers/fixtures";
import { authCall, call } from "../helpers/http";
import { deliver, startCheckout, subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

const cancel = (cookie: string) => call(subscriptionRoute.DELETE, "/api/billing/subscription", { method: "DELETE", cookie });
const undoCancel = (cookie: string) => call(resume.POST, "/api/billing/subscription/resume", { method: "POST", cookie });
const getUsage = (cookie: string) => call(usage.GET, "/api/billing/usage", { cookie });

describe("cancel at period end and resume", () => {
  it("schedules the cancellation, keeps the plan until the period ends, and undoes it", async () => {
    const { owner, business } = await createBusiness("Cancel Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "pro");
    const periodEnd = new Date(fake.subscriptions.get(subscriptionId)!.items.data[0].current_period_end * 1000);

    const res = await cancel(owner.cookie);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, subscription: { plan: "pro", cancelAtPeriodEnd: true } });
    expect(fake.subscriptions.get(subscriptionId)!.cancel_at_period_end).toBe(true);
    expect((await getUsage(owner.cookie)).json).toMatchObject({ plan: "pro", status: "active", cancelAtPeriodEnd: true, currentPeriodEnd: periodEnd.toISOString() });

    // Stripe's own event for this change arrives afterwards and agrees.
    expect((await deliver(fake.events.at(-1)!)).status).toBe(200);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).cancelAtPeriodEnd).toBe(true);

    const resumed = await undoCancel(owner.cookie);
    expect(resumed.json).toMatchObject({ success: true, subscription: { cancelAtPeriodEnd: false } });
    expect(fake.subscriptions.get(subscriptionId)!.cancel_at_period_end).toBe(false);
    expect((await getUsage(owner.cookie)).json.cancelAtPeriodEnd).toBe(false);
    const actions = await prisma.auditLog.findMany({ where: { businessId: business.id, action: { startsWith: "billing.cancel" } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["billing.cancel_scheduled", "billing.cancel_undone"]);
  });

  it("answers 409 when there is no card subscription", async () => {
    const { owner } = await createBusiness("Free Shop");
    expect((await cancel(owner.cookie)).status).toBe(409);
    expect((await undoCancel(owner.cookie)).status).toBe(409);
    const noPortal = await call(portal.POST, "/api/billing/portal", { method: "POST", cookie: owner.cookie });
    expect(noPortal.status).toBe(409);
  });
});

describe("billing portal", () => {
  it("opens a portal session for the business's customer", async () => {
    const { owner, business } = await createBusiness("Portal Shop");
    await subscribe(fake, owner.cookie, "basic");
    const res = await call(portal.POST, "/api/billing/portal", { method: "POST", cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.json.url).toMatch(new RegExp(`^${fake.url}/p/session/bps_`));
    const request = fake.requests.findLast((r) => r.path === "/v1/billing_portal/sessions")!;
    const { externalCustomerId } = await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } });
    expect(request.body).toEqual({ customer: externalCustomerId, return_url: "http://localhost:3000/dashboard/billing" });
  });
});

describe("usage and limits", () => {
  it("reads limits from the plan and counts keys, terminals and this month's transactions", async () => {
    const { owner, business } = await createBusiness("Usage Shop");
    const free = await getUsage(owner.cookie);
    expect(free.json).toEqual({
      plan: "free",
      status: "active",
      provider: "none",
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      limits: { apiKeys: 1, terminals: 1, transactionsPerMonth: 500, creditsPerMonth: 0 },
      usage: { apiKeys: 1, terminals: 0, transactionsThisMonth: 0 },
    });

    const hour = 3_600_000;
    const key = (name: string, extra: object = {}) => ({ businessId: business.id, name, prefix: "tb_live_abc", hash: `${business.id}-${name}`, scopes: ["pos:read"], ...extra });
    await prisma.apiKey.createMany({
      data: [key("active"), key("future", { expiresAt: new Date(Date.now() + hour) }), key("revoked", { revokedAt: new Date() }), key("expired", { expiresAt: new Date(Date.now() - hour) })],
    });
    await prisma.posTerminal.createMany({ data: ["till-1", "till-2"].map((terminalId) => ({ businessId: business.id, terminalId, lastSeenAt: new Date() })) });
    const thisMonth = new Date().toISOString().slice(0, 7);
    await prisma.usageCounter.createMany({
      data: [
        { businessId: business.id, metric: "pos.transaction", period: thisMonth, count: 42 },
        { businessId: business.id, metric: "pos.transaction", period: "2001-01", count: 999 },
      ],
    });
    await subscribe(fake, owner.cookie, "enterprise");
    expect((await getUsage(owner.cookie)).json).toMatchObject({
      plan: "enterprise",
      provider: "stripe",
      limits: { apiKeys: -1, terminals: -1, transactionsPerMonth: -1, creditsPerMonth: 8_000 },
      usage: { apiKeys: 3, terminals: 2, transactionsThisMonth: 42 },
    });
  });
});

describe("invoices", () => {
  it("lists the business's invoices newest first with their payments and nothing else", async () => {
    const { owner, business } = await createBusiness("Invoice Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const [failed] = fake.failRenewal(subscriptionId);
    await deliver(failed);

    const res = await call(invoicesRoute.GET, "/api/billing/invoices", { cookie: owner.cookie });
    expect(res.status).toBe(200);
    const { invoices } = res.json;
    expect(invoices.map((i: { status: string }) => i.status)).toEqual(["open", "paid"]);
    expect(invoices[1]).toMatchObject({ provider: "stripe", plan: "basic", totalCents: 2_999, currency: "USD", payUrl: null });
    expect(invoices[1].hostedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/i\/in_/);
    expect(invoices[1].payments).toMatchObject([{ status: "paid", amountCents: 2_999 }]);
    expect(invoices[0].payments).toMatchObject([{ status: "failed" }]);
    expect(Object.keys(invoices[0]).sort()).not.toContain("businessId");
    expect(Object.keys(invoices[0])).not.toContain("paymentToken");
    expect(await prisma.invoice.count({ where: { businessId: business.id } })).toBe(2);
  });
});

describe("roles and tenancy", () => {
  it("lets admins read billing, refuses them changes, and refuses staff everything", async () => {
    const { owner, business } = await createBusiness("Roles Billing Shop");
    const admin = await addMember(owner.cookie, business.id, "admin");
    const staff = await addMember(owner.cookie, business.id, "staff");
    expect((await getUsage(admin.cookie)).status).toBe(200);
    expect((await call(invoicesRoute.GET, "/api/billing/invoices", { cookie: admin.cookie })).status).toBe(200);
    for (const cookie of [admin.cookie, staff.cookie]) {
      expect((await startCheckout(cookie, { plan: "pro" })).status).toBe(403);
      expect((await cancel(cookie)).status).toBe(403);
      expect((await undoCancel(cookie)).status).toBe(403);
      expect((await call(portal.POST, "/api/billing/portal", { method: "POST", cookie })).status).toBe(403);
    }
    expect((await getUsage(staff.cookie)).status).toBe(403);
    expect((await call(invoicesRoute.GET, "/api/billing/invoices", { cookie: staff.cookie })).json.error.code).toBe("forbidden");
    expect((await getUsage("")).status).toBe(401);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({ externalCustomerId: null });
  });

  it("never lets the owner of business A read or change business B's billing", async () => {
    const a = await createBusiness("Tenant A Billing");
    const b = await createBusiness("Tenant B Billing");
    const { subscriptionId } = await subscribe(fake, b.owner.cookie, "pro");

    const switchToB = await authCall("/organization/set-active", { cookie: a.owner.cookie, body: { organizationId: b.business.id } });
    expect(switchToB.status).toBe(403);
    expect(switchToB.json.code).toBe("USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
    expect((await cancel(a.owner.cookie)).status).toBe(409);
    expect(fake.subscriptions.get(subscriptionId)!.cancel_at_period_end).toBe(false);
    expect((await call(invoicesRoute.GET, "/api/billing/invoices", { cookie: a.owner.cookie })).json.invoices).toEqual([]);
    expect((await getUsage(a.owner.cookie)).json.plan).toBe("free");

    const aCheckout = await startCheckout(a.owner.cookie, { plan: "basic" });
    expect(fake.sessions.get(aCheckout.json.sessionId)!.client_reference_id).toBe(a.business.id);
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: b.business.id } })).toMatchObject({ plan: "pro", externalSubscriptionId: subscriptionId });
  });
});

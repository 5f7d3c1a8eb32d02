import { afterAll, describe, expect, it, vi } from "vitest";
import * as closeRoute from "@/app/api/business/close/route";
import * as keysRoute from "@/app/api/api-keys/route";
import * as checkoutRoute from "@/app/api/billing/checkout-session/route";
import * as paynowInvoiceRoute from "@/app/api/billing/paynow/invoice/route";
import * as status from "@/app/api/pos/status/route";
import * as transactions from "@/app/api/pos/transactions/route";
import { prisma } from "@/lib/db";
import { withKey } from "../helpers/api-key";
import { addMember, createBusiness } from "../helpers/fixtures";
import { authCall, call } from "../helpers/http";
import { subscribe } from "../helpers/stripe-app";

const fake = await vi.hoisted(async () => (await import("../helpers/stripe")).startFakeStripeForApp());
afterAll(() => fake.close());

const close = (cookie: string, confirmName: unknown) => call(closeRoute.POST, "/api/business/close", { cookie, body: { confirmName } });

describe("deleting a business through Better Auth", () => {
  it("is refused with 403 and every record stays", async () => {
    const { owner, business } = await createBusiness("Delete Me Shop");
    const res = await authCall("/organization/delete", { cookie: owner.cookie, body: { organizationId: business.id } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect(await prisma.business.count({ where: { id: business.id } })).toBe(1);
    expect(await prisma.apiKey.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("a hard delete at the database fails while financial records reference the business", async () => {
    const { business } = await createBusiness("Restrict Shop");
    await prisma.invoice.create({
      data: { businessId: business.id, number: "INV-T-RESTRICT", provider: "paynow", currency: "USD", subtotalCents: 100, totalCents: 100, amountDueCents: 100, lines: [] },
    });
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "Business" WHERE id = $1`, business.id)).rejects.toThrow(/foreign key|23001|23503/i);
    expect(await prisma.business.count({ where: { id: business.id } })).toBe(1);
    const rows = await prisma.$queryRawUnsafe<{ confdeltype: string; table: string }[]>(
      `SELECT confdeltype::text AS confdeltype, conrelid::regclass::text AS table FROM pg_constraint
       WHERE contype = 'f' AND confrelid = '"Business"'::regclass AND conrelid::regclass::text IN ('"Invoice"', '"Payment"', '"AuditLog"', '"Order"', '"UsageEvent"', '"Subscription"')`,
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.confdeltype === "r")).toBe(true);
  });
});

describe("POST /api/business/close", () => {
  it("cancels the card subscription at Stripe, revokes keys, voids open invoices, keeps the records", async () => {
    const { owner, business, apiKey } = await createBusiness("Closing Shop");
    const { subscriptionId } = await subscribe(fake, owner.cookie, "basic");
    const sale = await withKey(transactions.POST, "/api/pos/transactions", apiKey, { body: { amount: 500, currency: "USD", type: "sale", reference: "C-1" } });
    expect(sale.status).toBe(201);
    const open = await prisma.invoice.create({
      data: { businessId: business.id, number: "INV-T-OPEN-1", provider: "paynow", currency: "USD", subtotalCents: 100, totalCents: 100, amountDueCents: 100, lines: [] },
    });
    const paidBefore = await prisma.invoice.count({ where: { businessId: business.id, status: "paid" } });
    expect(paidBefore).toBe(1);

    const wrongName = await close(owner.cookie, "Closing Shop!");
    expect(wrongName.status).toBe(422);
    expect(wrongName.json.error.code).toBe("validation_failed");
    expect(wrongName.json.error.message).toContain("confirmName");

    const res = await close(owner.cookie, "Closing Shop");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, closedAt: expect.any(String) });

    const cancel = fake.requests.filter((r) => r.method === "DELETE" && r.path === `/v1/subscriptions/${subscriptionId}`);
    expect(cancel).toHaveLength(1);
    expect(fake.subscriptions.get(subscriptionId)!.status).toBe("canceled");

    const closed = await prisma.business.findUniqueOrThrow({ where: { id: business.id } });
    expect(closed.closedAt).not.toBeNull();
    expect(await prisma.apiKey.count({ where: { businessId: business.id, revokedAt: null } })).toBe(0);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("void");
    expect(await prisma.invoice.count({ where: { businessId: business.id, status: "paid" } })).toBe(1);
    expect(await prisma.payment.count({ where: { businessId: business.id, status: "paid" } })).toBe(1);
    expect(await prisma.usageEvent.count({ where: { businessId: business.id } })).toBeGreaterThan(0);
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "business.closed" } })).toBe(1);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).status).toBe("canceled");

    // The key that was cached before closing answers 403 business_closed, never 500.
    for (const [handler, path, body] of [
      [status.GET, "/api/pos/status", undefined],
      [transactions.POST, "/api/pos/transactions", { amount: 500, currency: "USD", type: "sale", reference: "C-2" }],
    ] as const) {
      const after = await withKey(handler, path, apiKey, body ? { body } : {});
      expect(after.status).toBe(403);
      expect(after.json.error.code).toBe("business_closed");
    }
    const newKey = await call(keysRoute.POST, "/api/api-keys", { cookie: owner.cookie, body: { name: "After close" } });
    expect(newKey.status).toBe(403);
    expect(newKey.json.error.code).toBe("business_closed");

    for (const [handler, path, body] of [
      [checkoutRoute.POST, "/api/billing/checkout-session", { plan: "pro" }],
      [paynowInvoiceRoute.POST, "/api/billing/paynow/invoice", { plan: "basic" }],
    ] as const) {
      const billing = await call(handler, path, { cookie: owner.cookie, body });
      expect(billing.status, path).toBe(403);
      expect(billing.json.error.code, path).toBe("business_closed");
    }

    const twice = await close(owner.cookie, "Closing Shop");
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("business_closed");
  });

  it("is for the owner only", async () => {
    const { owner, business } = await createBusiness("Admin Close Shop");
    const admin = await addMember(owner.cookie, business.id, "admin");
    const res = await close(admin.cookie, "Admin Close Shop");
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).closedAt).toBeNull();
  });
});

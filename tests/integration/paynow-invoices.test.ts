import "../helpers/paynow";
import { describe, expect, it } from "vitest";
import { listOwnInvoices } from "@/lib/billing/own-invoices";
import { prisma } from "@/lib/db";
import { addMember, createBusiness } from "../helpers/fixtures";
import { createInvoice } from "../helpers/paynow-flows";

const sequence = (number: string) => Number(number.slice(-6));

describe("POST /api/billing/paynow/invoice", () => {
  it("opens an invoice of our own for one month of the plan, with an unguessable pay link", async () => {
    const { owner, business } = await createBusiness("Invoice Shop");
    const before = Date.now();
    const res = await createInvoice(owner.cookie, { plan: "pro" });
    expect(res.status).toBe(201);
    const { invoice } = res.json;
    expect(invoice.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(invoice).toMatchObject({ status: "open", plan: "pro", currency: "USD", totalCents: 4999, amountDueCents: 4999, amountPaidCents: 0 });
    const dueInDays = (Date.parse(invoice.dueAt) - before) / 86_400_000;
    expect(Math.round(dueInDays)).toBe(7);

    const row = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(row).toMatchObject({ businessId: business.id, provider: "paynow", subtotalCents: 4999 });
    expect(row.lines).toEqual([{ description: "Tangabiz Pro plan, 1 month", quantity: 1, unitAmountCents: 4999, amountCents: 4999 }]);
    expect(row.paymentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invoice.payUrl).toBe(`http://localhost:3000/pay/${row.paymentToken}`);
  });

  it("prices ZWG invoices from plans.ts", async () => {
    const { owner } = await createBusiness("Zig Shop");
    const res = await createInvoice(owner.cookie, { plan: "basic", currency: "ZWG" });
    expect(res.json.invoice).toMatchObject({ currency: "ZWG", totalCents: 80_000 });
  });

  it("returns the open invoice instead of a new one when asked again for the same plan", async () => {
    const { owner } = await createBusiness("Again Shop");
    const first = await createInvoice(owner.cookie, { plan: "basic" });
    const again = await createInvoice(owner.cookie, { plan: "basic" });
    expect(again.status).toBe(200);
    expect(again.json.invoice.id).toBe(first.json.invoice.id);
    const other = await createInvoice(owner.cookie, { plan: "enterprise" });
    expect(other.status).toBe(201);
    expect(sequence(other.json.invoice.number)).toBeGreaterThan(sequence(first.json.invoice.number));
  });

  it("numbers invoices created at the same moment uniquely and without gaps", async () => {
    const owners = await Promise.all(Array.from({ length: 6 }, (_, i) => createBusiness(`Race Shop ${i}`)));
    const results = await Promise.all(owners.map(({ owner }) => createInvoice(owner.cookie, { plan: "basic" })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = results.map((r) => sequence(r.json.invoice.number)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    const year = new Date().getUTCFullYear();
    const { last } = await prisma.invoiceSequence.findUniqueOrThrow({ where: { year } });
    expect(last).toBeGreaterThanOrEqual(numbers[5]);
    // Other test files may share the database and take numbers in between; within this file none do.
    if (!process.env.DATABASE_URL) expect(numbers[5] - numbers[0]).toBe(5);
  });

  it("is for owners only, and validates plan and currency", async () => {
    const { owner, business } = await createBusiness("Roles Invoice Shop");
    const admin = await addMember(owner.cookie, business.id, "admin");
    const staff = await addMember(owner.cookie, business.id, "staff");
    expect((await createInvoice(admin.cookie, { plan: "basic" })).status).toBe(403);
    expect((await createInvoice(staff.cookie, { plan: "basic" })).status).toBe(403);
    expect((await createInvoice("", { plan: "basic" })).status).toBe(401);
    const free = await createInvoice(owner.cookie, { plan: "free" });
    expect(free.status).toBe(422);
    expect(free.json.error.message).toMatch(/plan/);
    expect((await createInvoice(owner.cookie, { plan: "basic", currency: "EUR" })).json.error.message).toMatch(/currency/);
    expect(await prisma.invoice.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("refuses while a Stripe subscription is running", async () => {
    const { owner, business } = await createBusiness("Card Shop");
    await prisma.subscription.update({ where: { businessId: business.id }, data: { provider: "stripe", plan: "pro", status: "active" } });
    const res = await createInvoice(owner.cookie, { plan: "basic" });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/Stripe/);
  });

  it("lists only the business's own invoices", async () => {
    const a = await createBusiness("List Shop A");
    const b = await createBusiness("List Shop B");
    await createInvoice(a.owner.cookie, { plan: "basic" });
    await createInvoice(b.owner.cookie, { plan: "pro" });
    const listed = await listOwnInvoices(a.business.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ plan: "basic", status: "open" });
  });
});

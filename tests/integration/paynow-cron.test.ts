import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as expireRoute from "@/app/api/cron/expire-payments/route";
import * as reconcileRoute from "@/app/api/cron/reconcile-payments/route";
import { prisma } from "@/lib/db";
import { call } from "../helpers/http";
import { businessWithInvoice, payWithToken } from "../helpers/paynow-flows";

type Handler = Parameters<typeof call>[0];
const SECRET = "test-cron-secret-0123456789";

function runCron(route: { GET: unknown }, path: string, secret: string | null = SECRET) {
  return call(route.GET as Handler, path, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
}
const reconcile = () => runCron(reconcileRoute, "/api/cron/reconcile-payments");
const expire = () => runCron(expireRoute, "/api/cron/expire-payments");

async function pendingPayment(phone = "0779999999", ageMinutes = 6) {
  const setup = await businessWithInvoice();
  const res = await payWithToken(setup.token, { method: "ecocash", phone });
  const payment = await prisma.payment.update({
    where: { id: res.json.paymentId },
    data: { createdAt: new Date(Date.now() - ageMinutes * 60_000) },
  });
  return { ...setup, payment, reference: payment.externalReference! };
}


describe("cron authorization", () => {
  it("answers 401 without the right bearer secret and records nothing", async () => {
    const runs = await prisma.cronRun.count();
    expect((await runCron(reconcileRoute, "/api/cron/reconcile-payments", null)).status).toBe(401);
    expect((await runCron(expireRoute, "/api/cron/expire-payments", "wrong-secret-0123456789")).status).toBe(401);
    expect(await prisma.cronRun.count()).toBe(runs);
  });
});

describe("GET /api/cron/reconcile-payments", () => {
  it("settles a payment whose callback was lost, exactly as the callback would", async () => {
    const { payment, reference, invoice, business } = await pendingPayment();
    await fakePaynow.settle(reference, "Paid");
    const fresh = await pendingPayment("0779999999", 1);
    await fakePaynow.settle(fresh.reference, "Paid");

    const res = await reconcile();
    expect(res.status).toBe(200);
    // On the shared PostgreSQL test database the cron also claims other files' old pending payments; this file's
    // fake Paynow does not know their references, so they count as errors. This payment's own outcome is exact.
    expect(res.json).toMatchObject({ job: "reconcile-payments", paid: 1 });

    expect(await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "paid", pendingInvoiceId: null });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("paid");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { businessId: business.id } })).toMatchObject({ plan: "basic", provider: "paynow" });
    expect(await prisma.emailMessage.count({ where: { businessId: business.id, template: "payment-received" } })).toBe(1);
    // Younger than five minutes: left for its callback.
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: fresh.payment.id } })).status).toBe("pending");

    const run = await prisma.cronRun.findFirstOrThrow({ where: { job: "reconcile-payments" }, orderBy: { startedAt: "desc" } });
    expect(run.finishedAt).not.toBeNull();
    expect(run.result).toMatchObject({ paid: 1 });
  });

  it("fails a payment Paynow reports cancelled, and leaves one still waiting alone for ten minutes", async () => {
    const cancelled = await pendingPayment();
    await fakePaynow.settle(cancelled.reference, "Cancelled");
    const waiting = await pendingPayment();

    const first = await reconcile();
    expect(first.json).toMatchObject({ failed: 1, stillPending: 1 });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: cancelled.payment.id } })).status).toBe("failed");
    const waited = await prisma.payment.findUniqueOrThrow({ where: { id: waiting.payment.id } });
    expect(waited.status).toBe("pending");
    expect(waited.lastPolledAt).not.toBeNull();

    const second = await reconcile();
    expect(second.json).toMatchObject({ claimed: 0 });
  });

  it("two runs at once settle each payment once", async () => {
    const payments = await Promise.all([pendingPayment(), pendingPayment(), pendingPayment()]);
    for (const p of payments) await fakePaynow.settle(p.reference, "Paid");
    const pollsBefore = fakePaynow.requests.filter((r) => r.path === "/interface/checkpayment/").length;

    const [a, b] = await Promise.all([reconcile(), reconcile()]);
    expect(a.json.paid + b.json.paid).toBe(3);
    expect(a.json.claimed + b.json.claimed).toBe(3);
    expect(fakePaynow.requests.filter((r) => r.path === "/interface/checkpayment/").length - pollsBefore).toBe(3);
    for (const p of payments) {
      expect((await prisma.payment.findUniqueOrThrow({ where: { id: p.payment.id } })).status).toBe("paid");
      expect(await prisma.emailMessage.count({ where: { businessId: p.business.id, template: "payment-received" } })).toBe(1);
    }
  });

  it("does not trust a poll answer with a bad hash", async () => {
    const { payment, reference } = await pendingPayment();
    await fakePaynow.settle(reference, "Paid");
    fakePaynow.mode = "bad-hash";
    try {
      const res = await reconcile();
      expect(res.json).toMatchObject({ errors: 1, paid: 0 });
    } finally {
      fakePaynow.mode = "up";
    }
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("pending");
  });
});

describe("GET /api/cron/expire-payments", () => {
  it("expires payments pending for more than 24 hours and frees their invoice", async () => {
    const stale = await pendingPayment("0779999999", 25 * 60);
    const recent = await pendingPayment("0779999999", 23 * 60);
    const res = await expire();
    expect(res.status).toBe(200);
    expect(res.json.expired).toBeGreaterThanOrEqual(1);
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: stale.payment.id } })).toMatchObject({
      status: "expired",
      pendingInvoiceId: null,
      failureReason: "No result from Paynow within 24 hours.",
    });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: recent.payment.id } })).status).toBe("pending");
    expect((await payWithToken(stale.token, { method: "card" })).status).toBe(201);

    const again = await expire();
    expect(again.json.expired).toBe(0);
    const run = await prisma.cronRun.findFirstOrThrow({ where: { job: "expire-payments" }, orderBy: { startedAt: "desc" } });
    expect(run.result).toEqual({ expired: 0 });
  });
});

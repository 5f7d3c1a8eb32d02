import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as purgeRoute from "@/app/api/cron/purge-callbacks/route";
import { prisma } from "@/lib/db";
import { UNVERIFIED_SAMPLE_SIZE, unverifiedCallbackCount } from "@/lib/payments/paynow/record-callback";
import { call } from "../helpers/http";
import { businessWithInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";

type Handler = Parameters<typeof call>[0];

describe("what Paynow result-URL posts leave behind", () => {
  it("300 unsigned 16 KiB posts: 300 × 400, counted, at most 100 truncated samples kept", async () => {
    const before = await unverifiedCallbackCount();
    const filler = "x".repeat(16 * 1024 - 200);
    for (let i = 0; i < 300; i++) {
      const res = await postCallback(`reference=JUNK-${i}&amount=1.00&status=Paid&junk=${filler}`);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_signature");
    }
    // On a shared PostgreSQL test database other files post too: the counter only grows, the ring stays bounded.
    expect((await unverifiedCallbackCount()) - before).toBeGreaterThanOrEqual(300);
    expect(await prisma.paynowCallback.count({ where: { verified: false, sampleSlot: { not: null, lt: UNVERIFIED_SAMPLE_SIZE } } })).toBeLessThanOrEqual(UNVERIFIED_SAMPLE_SIZE);
    expect(await prisma.paynowCallback.count({ where: { verified: false, sampleSlot: { gte: UNVERIFIED_SAMPLE_SIZE } } })).toBe(0);
    const samples = await prisma.paynowCallback.findMany({ where: { verified: false, reference: { startsWith: "JUNK-" } } });
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThanOrEqual(UNVERIFIED_SAMPLE_SIZE);
    expect(samples.every((s) => s.body.length <= 1024 && s.outcome === "bad_hash")).toBe(true);
    // The newest posts are the ones kept.
    expect(samples.map((s) => s.reference)).toContain("JUNK-299");
    expect(samples.map((s) => s.reference)).not.toContain("JUNK-0");
  });

  it("every verified callback is kept whole", async () => {
    const { token } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "ecocash", phone: "0779999999" });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
    const body = fakePaynow.statusBody(payment.externalReference!, { status: "Paid" });
    expect((await postCallback(body)).status).toBe(200);
    expect((await postCallback(body)).status).toBe(200);
    const kept = await prisma.paynowCallback.findMany({ where: { reference: payment.externalReference!, verified: true } });
    expect(kept).toHaveLength(2);
    expect(kept.every((c) => c.body === body && c.sampleSlot === null && c.paymentId === payment.id)).toBe(true);
  });

  it("the retention cron clears old verified bodies (rows stay) and drops old unverified samples", async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    const verified = await prisma.paynowCallback.create({ data: { body: "reference=OLD&status=Paid&hash=AB", verified: true, reference: "OLD", outcome: "paid", receivedAt: old } });
    const recent = await prisma.paynowCallback.create({ data: { body: "reference=NEW&status=Paid&hash=CD", verified: true, reference: "NEW", outcome: "paid" } });
    const sample = await prisma.paynowCallback.create({ data: { body: "junk", verified: false, reference: "JUNK", outcome: "bad_hash", sampleSlot: 999, receivedAt: old } });

    const unauthorized = await call(purgeRoute.GET as Handler, "/api/cron/purge-callbacks");
    expect(unauthorized.status).toBe(401);
    const res = await call(purgeRoute.GET as Handler, "/api/cron/purge-callbacks", { headers: { authorization: "Bearer test-cron-secret-0123456789" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ job: "purge-callbacks", bodiesCleared: 1, samplesDeleted: 1 });
    expect(await prisma.paynowCallback.findUniqueOrThrow({ where: { id: verified.id } })).toMatchObject({ body: "", reference: "OLD", outcome: "paid" });
    expect((await prisma.paynowCallback.findUniqueOrThrow({ where: { id: recent.id } })).body).toBe(recent.body);
    expect(await prisma.paynowCallback.findUnique({ where: { id: sample.id } })).toBeNull();
  });
});

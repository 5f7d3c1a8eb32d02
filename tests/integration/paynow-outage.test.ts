import { fakePaynow, PAYNOW_KEY } from "../helpers/paynow";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { replacePaynowClient } from "@/lib/payments/paynow/config";
import { paynowHash } from "@/lib/payments/paynow/hash";
import { businessWithInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";

const initiations = () => fakePaynow.requests.filter((r) => r.path.startsWith("/interface/")).length;

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

beforeEach(() => {
  fakePaynow.mode = "up";
  replacePaynowClient({ backoffMs: 20 });
});
afterEach(() => {
  fakePaynow.mode = "up";
});

describe("when Paynow is down", () => {
  it("answers 503 upstream_unavailable quickly and writes nothing", async () => {
    const { token, invoice } = await businessWithInvoice();
    fakePaynow.mode = "unavailable";
    const before = initiations();
    const { result: res, ms } = await timed(() => payWithToken(token, { method: "ecocash", phone: "0771111111" }));
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ code: "upstream_unavailable", message: expect.stringMatching(/Paynow is not answering/) });
    expect(ms).toBeLessThan(3_000);
    // A gateway 503 means the request never reached Paynow, so it was safe to retry: 1 try + 3 retries.
    expect(initiations() - before).toBe(4);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");

    fakePaynow.mode = "up";
    replacePaynowClient();
    expect((await payWithToken(token, { method: "ecocash", phone: "0771111111" })).status).toBe(201);
  });

  it("opens the circuit: later calls fail in milliseconds without reaching Paynow", async () => {
    replacePaynowClient({ backoffMs: 1, breaker: { volumeThreshold: 3 } });
    const { token, invoice } = await businessWithInvoice();
    fakePaynow.mode = "unavailable";
    expect((await payWithToken(token, { method: "card" })).status).toBe(503);
    const reached = initiations();
    const { result: res, ms } = await timed(() => payWithToken(token, { method: "card" }));
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("upstream_unavailable");
    expect(ms).toBeLessThan(500);
    expect(initiations()).toBe(reached);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("does not repeat a request Paynow may have received; a late Paid for it still counts", async () => {
    const { token, invoice } = await businessWithInvoice();
    fakePaynow.mode = "reset";
    const before = initiations();
    const res = await payWithToken(token, { method: "ecocash", phone: "0771111111" });
    expect(res.status).toBe(503);
    expect(initiations() - before).toBe(1);
    const payment = await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(payment).toMatchObject({ status: "failed", pendingInvoiceId: null });
    expect(payment.failureReason).toMatch(/did not confirm/);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");

    // Paynow had in fact pushed the prompt and the customer approved it.
    const fields: [string, string][] = [
      ["reference", payment.externalReference!],
      ["paynowreference", "77001"],
      ["amount", "29.99"],
      ["status", "Paid"],
    ];
    const late = await postCallback(new URLSearchParams([...fields, ["hash", paynowHash(fields, PAYNOW_KEY)]]).toString());
    expect(late.status).toBe(200);
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("paid");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("paid");
  });

  it("gives up at the timeout without retrying", async () => {
    replacePaynowClient({ initiateTimeoutMs: 300 });
    const { token, invoice } = await businessWithInvoice();
    fakePaynow.mode = "hang";
    const before = initiations();
    const { result: res, ms } = await timed(() => payWithToken(token, { method: "onemoney", phone: "0712345678" }));
    expect(res.status).toBe(503);
    expect(ms).toBeLessThan(2_000);
    expect(initiations() - before).toBe(1);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id, status: "pending" } })).toBe(0);
  });

  it("does not trust an answer with a bad hash (502) and frees the invoice", async () => {
    const { token, invoice } = await businessWithInvoice();
    fakePaynow.mode = "bad-hash";
    const res = await payWithToken(token, { method: "card" });
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_unavailable");
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id, status: "pending" } })).toBe(0);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id, redirectUrl: { not: null } } })).toBe(0);
  });
});

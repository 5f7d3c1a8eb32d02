import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/billing/payments/[id]/cancel/route";
import { prisma } from "@/lib/db";
import { addMember, createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";
import {
  businessWithInvoice,
  payAsOwner,
  payWithToken,
  postCallback,
  statusAsMember,
  statusWithToken,
} from "../helpers/paynow-flows";

type Handler = Parameters<typeof call>[0];

describe("paying an invoice with Paynow", () => {
  it("EcoCash: pushes a prompt to the wallet, then the callback marks it paid", async () => {
    const { owner, invoice, token } = await businessWithInvoice();
    const res = await payAsOwner(owner.cookie, { invoiceId: invoice.id, method: "ecocash", phone: "+263 77 111 1111" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "pending", method: "ecocash", amountCents: 2999, currency: "USD", phoneLast4: "1111" });
    expect(res.json.instructions).toMatch(/\*151#/);
    expect(res.json.redirectUrl).toBeUndefined();

    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
    expect(payment).toMatchObject({ provider: "paynow", phone: "0771111111", pendingInvoiceId: invoice.id, status: "pending" });
    const tx = fakePaynow.transaction(payment.externalReference!)!;
    expect(tx).toMatchObject({ method: "ecocash", phone: "0771111111", amount: "29.99", resultUrl: "http://localhost:3000/api/webhooks/paynow" });
    expect(tx.returnUrl).toBe(`http://localhost:3000/pay/${token}?payment=${payment.id}`);

    await fakePaynow.settle(payment.externalReference!, "Paid");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
    const status = await statusWithToken(payment.id, token);
    expect(status.json).toMatchObject({ status: "paid", paymentId: payment.id });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("paid");
  });

  it("OneMoney on a NetOne number, from the public page", async () => {
    const { invoice, token } = await businessWithInvoice("pro");
    const res = await payWithToken(token, { method: "onemoney", phone: "0712345678" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "pending", method: "onemoney", amountCents: 4999 });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
    expect(payment.invoiceId).toBe(invoice.id);
    expect(fakePaynow.transaction(payment.externalReference!)).toMatchObject({ method: "onemoney", phone: "0712345678" });
  });

  it("InnBucks: shows the authorization code and a QR drawn locally", async () => {
    const { token } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "innbucks", phone: "0771111111" });
    expect(res.status).toBe(201);
    const { innbucks } = res.json;
    expect(innbucks.authorizationCode).toMatch(/^\d{9}$/);
    expect(innbucks.expiresAt).toBe("2030-12-05T12:30:00.000Z");
    expect(innbucks.deepLink).toBe(`schinn.wbpycode://innbucks.co.zw?pymInnCode=${innbucks.authorizationCode}`);
    expect(innbucks.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(innbucks.qrSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(res.json.instructions).toContain(innbucks.authorizationCode);
  });

  it("card: answers Paynow's web checkout URL to redirect to", async () => {
    const { owner, invoice } = await businessWithInvoice("enterprise", "ZWG");
    const res = await payAsOwner(owner.cookie, { invoiceId: invoice.id, method: "card", email: "payer@example.test" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "pending", method: "card", amountCents: 270_000, currency: "ZWG" });
    expect(res.json.redirectUrl).toMatch(new RegExp(`^${fakePaynow.url}/payment/confirm/`));
    const sent = fakePaynow.requests.findLast((r) => r.path === "/interface/initiatetransaction")!;
    expect(sent.fields).toMatchObject({ amount: "2700.00", authemail: "payer@example.test", status: "Message" });
    expect(sent.fields.phone).toBeUndefined();
  });

  it("a cancelled prompt fails the payment, frees the invoice and emails the owner", async () => {
    const { owner, invoice, token } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "ecocash", phone: "0773333333" });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: res.json.paymentId } });
    await fakePaynow.settle(payment.externalReference!, "Cancelled");
    expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
    const after = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after).toMatchObject({ status: "failed", pendingInvoiceId: null });
    expect(after.failureReason).toMatch(/cancelled/);
    expect(await prisma.emailMessage.count({ where: { to: owner.email, template: "payment-failed" } })).toBe(1);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");
    expect((await payWithToken(token, { method: "onemoney", phone: "0712345678" })).status).toBe(201);
  });

  it("insufficient balance is refused at initiation with a clear 402, and the invoice stays payable", async () => {
    const { token, invoice } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "ecocash", phone: "0774444444" });
    expect(res.status).toBe(402);
    expect(res.json.error).toMatchObject({ code: "payment_declined", message: expect.stringMatching(/Insufficient balance/) });
    const failed = await prisma.payment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    expect(failed).toMatchObject({ status: "failed", pendingInvoiceId: null });
    expect((await payWithToken(token, { method: "ecocash", phone: "0771111111" })).status).toBe(201);
  });
});

describe("bad input", () => {
  it("names the problem with the phone number (400)", async () => {
    const { token, invoice } = await businessWithInvoice();
    const cases: [unknown, RegExp][] = [
      [{ method: "ecocash" }, /EcoCash needs the mobile number/],
      [{ method: "ecocash", phone: "0712345678" }, /NetOne; EcoCash needs an Econet number/],
      [{ method: "onemoney", phone: "0771111111" }, /Econet; OneMoney needs a NetOne number/],
      [{ method: "ecocash", phone: "0242703000" }, /not a Zimbabwean mobile number/],
      [{ method: "ecocash", phone: "+27 82 123 4567" }, /not a Zimbabwean mobile number/],
      [{ method: "innbucks", phone: "077111" }, /not a Zimbabwean mobile number/],
    ];
    for (const [body, message] of cases) {
      const res = await payWithToken(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("invalid_phone_number");
      expect(res.json.error.message).toMatch(message);
    }
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("rejects unknown methods, extra fields, bad JSON and bad idempotency keys without a 500", async () => {
    const { token } = await businessWithInvoice();
    expect((await payWithToken(token, { method: "bitcoin" })).json.error.message).toMatch(/method/);
    expect((await payWithToken(token, { method: "card", amountCents: 1 })).status).toBe(422);
    const badJson = await call(
      (await import("@/app/api/pay/[token]/route")).POST as Handler,
      `/api/pay/${token}`,
      { rawBody: "{", headers: { "content-type": "application/json" }, params: { token } },
    );
    expect(badJson.status).toBe(400);
    const badKey = await payWithToken(token, { method: "card" }, { "idempotency-key": "short" });
    expect(badKey.status).toBe(422);
    expect(badKey.json.error.message).toMatch(/Idempotency-Key/);
  });

  it("answers 404 for a token that does not exist, whatever its shape", async () => {
    for (const token of ["nope", "A".repeat(43), "../../etc"]) {
      expect((await payWithToken(token, { method: "card" })).status).toBe(404);
    }
  });
});

describe("one payment at a time, and retries", () => {
  it("the same Idempotency-Key returns the same payment; a different request with it is a 409", async () => {
    const { token } = await businessWithInvoice();
    const headers = { "idempotency-key": "attempt-7f3a9c21" };
    const first = await payWithToken(token, { method: "ecocash", phone: "0771111111" }, headers);
    const again = await payWithToken(token, { method: "ecocash", phone: "0771111111" }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.paymentId).toBe(first.json.paymentId);
    const other = await payWithToken(token, { method: "card" }, headers);
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_conflict");
    const { externalReference } = await prisma.payment.findUniqueOrThrow({ where: { id: first.json.paymentId } });
    expect(fakePaynow.requests.filter((r) => r.fields.reference === externalReference)).toHaveLength(1);
  });

  it("refuses a second pending payment for the invoice, even when both requests race", async () => {
    const { token, invoice } = await businessWithInvoice();
    const before = fakePaynow.requests.length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => payWithToken(token, { method: "ecocash", phone: "0779999999" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)!.json.error.message).toMatch(/already waiting for approval/);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(fakePaynow.requests.length - before).toBe(1);
  });

  it("cancelling the waiting payment lets the payer use another wallet", async () => {
    const { token } = await businessWithInvoice();
    const first = await payWithToken(token, { method: "ecocash", phone: "0779999999" });
    const cancel = await call(cancelRoute.POST as Handler, `/api/billing/payments/${first.json.paymentId}/cancel?token=${token}`, {
      method: "POST",
      params: { id: first.json.paymentId },
    });
    expect(cancel.json).toMatchObject({ status: "cancelled" });
    expect((await payWithToken(token, { method: "onemoney", phone: "0712345678" })).status).toBe(201);
  });

  it("will not pay an invoice that is already paid", async () => {
    const { token, invoice } = await businessWithInvoice();
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: "paid" } });
    const res = await payWithToken(token, { method: "card" });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/is paid/);
  });
});

describe("tenancy", () => {
  it("an owner of A cannot pay or see B's invoice and payments", async () => {
    const a = await businessWithInvoice();
    const b = await businessWithInvoice();
    const paidByB = await payWithToken(b.token, { method: "card" });

    const payOther = await payAsOwner(a.owner.cookie, { invoiceId: b.invoice.id, method: "card" });
    expect(payOther.status).toBe(404);
    expect((await statusAsMember(paidByB.json.paymentId, a.owner.cookie)).status).toBe(404);
    expect((await statusAsMember(paidByB.json.paymentId, b.owner.cookie)).status).toBe(200);
  });

  it("a pay token reaches only its own invoice's payments", async () => {
    const a = await businessWithInvoice();
    const b = await businessWithInvoice();
    const paymentB = await payWithToken(b.token, { method: "card" });
    expect((await statusWithToken(paymentB.json.paymentId, a.token)).status).toBe(404);
    expect((await statusWithToken(paymentB.json.paymentId, b.token)).status).toBe(200);
    const cancelWithOtherToken = await call(cancelRoute.POST as Handler, `/api/billing/payments/${paymentB.json.paymentId}/cancel?token=${a.token}`, {
      method: "POST",
      params: { id: paymentB.json.paymentId },
    });
    expect(cancelWithOtherToken.status).toBe(404);
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: paymentB.json.paymentId } })).status).toBe("pending");
  });

  it("only owners pay from the API; admins may read payment status, staff may not", async () => {
    const { owner, business, invoice, token } = await businessWithInvoice();
    const admin = await addMember(owner.cookie, business.id, "admin");
    const staff = await addMember(owner.cookie, business.id, "staff");
    expect((await payAsOwner(admin.cookie, { invoiceId: invoice.id, method: "card" })).status).toBe(403);
    const paid = await payWithToken(token, { method: "card" });
    expect((await statusAsMember(paid.json.paymentId, admin.cookie)).status).toBe(200);
    expect((await statusAsMember(paid.json.paymentId, staff.cookie)).status).toBe(403);
    expect((await statusAsMember(paid.json.paymentId, "")).status).toBe(401);
  });

  it("the status view never exposes the poll URL, full phone number or idempotency key", async () => {
    const { token } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "ecocash", phone: "0771111111" }, { "idempotency-key": "secret-key-123456" });
    const text = JSON.stringify(res.json);
    expect(text).not.toContain("pollurl");
    expect(text).not.toContain("checkpayment");
    expect(text).not.toContain("0771111111");
    expect(text).not.toContain("secret-key");
    const other = await createBusiness("Nosy Shop");
    expect((await statusAsMember(res.json.paymentId, other.owner.cookie)).status).toBe(404);
  });
});

import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it, vi } from "vitest";
import * as cancelRoute from "@/app/api/billing/payments/[id]/cancel/route";
import { prisma } from "@/lib/db";
import { call } from "../helpers/http";
import { businessWithInvoice, payWithToken, statusWithToken } from "../helpers/paynow-flows";

vi.hoisted(() => {
  process.env.TRUST_PROXY_HEADER = "x-forwarded-for";
});

type Handler = Parameters<typeof call>[0];

const cancel = (paymentId: string, token: string, headers: Record<string, string> = {}) =>
  call(cancelRoute.POST as Handler, `/api/billing/payments/${paymentId}/cancel?token=${encodeURIComponent(token)}`, {
    method: "POST",
    params: { id: paymentId },
    headers,
  });

// What the issue did: start a prompt, cancel it, start another, as fast as possible.
async function promptThenCancel(token: string, phone: string, ip: string) {
  const res = await payWithToken(token, { method: "ecocash", phone }, { "x-forwarded-for": ip });
  if (res.status === 201) expect((await cancel(res.json.paymentId, token, { "x-forwarded-for": ip })).status).toBe(200);
  return res;
}

const initiations = () => fakePaynow.requests.filter((r) => r.path === "/interface/remotetransaction").length;

describe("pay link abuse", () => {
  it("at most 3 prompts per phone number in 10 minutes, then 429 with Retry-After and a clear message", async () => {
    const { token } = await businessWithInvoice();
    const other = await businessWithInvoice();
    const before = initiations();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await promptThenCancel(token, "0771111111", "198.51.100.1")).status);
    expect(statuses).toEqual([201, 201, 201]);
    // Another invoice, another address: the same phone is still protected.
    const fourth = await payWithToken(other.token, { method: "ecocash", phone: "+263771111111" }, { "x-forwarded-for": "198.51.100.2" });
    expect(fourth.status).toBe(429);
    expect(fourth.json.error.code).toBe("rate_limited");
    expect(fourth.json.error.message).toMatch(/Too many payment prompts were sent to this phone number\. Please try again in \d+ minutes?\./);
    expect(Number(fourth.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(initiations() - before).toBe(3);
  });

  it("a handful of attempts per invoice per hour, whatever the numbers; cancelled attempts do not pile up", async () => {
    const { invoice, token } = await businessWithInvoice();
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await promptThenCancel(token, `07711${String(20000 + i).padStart(5, "0")}`, `198.51.100.${10 + i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(5);
  });

  it("a handful of attempts per address per hour, across invoices", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const { token } = await businessWithInvoice();
      statuses.push((await payWithToken(token, { method: "ecocash", phone: `07713${String(30000 + i).padStart(5, "0")}` }, { "x-forwarded-for": "203.0.113.9" })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
  });

  it("never forwards the payer's email to Paynow: the business's billing email is the auth email", async () => {
    const { owner, token } = await businessWithInvoice();
    const res = await payWithToken(token, { method: "ecocash", phone: "0771144444", email: "victim@example.test" }, { "x-forwarded-for": "198.51.100.50" });
    expect(res.status).toBe(201);
    const sent = fakePaynow.requests.findLast((r) => r.path === "/interface/remotetransaction")!;
    expect(sent.fields.authemail).toBe(owner.email);
  });

  it("the pay-token routes share one limit per token and refuse malformed tokens with 404", async () => {
    const malformed = await statusWithToken("0190b7d0-0000-7000-8000-000000000000", "not-a-token");
    expect(malformed.status).toBe(404);
    expect(malformed.json.error.code).toBe("not_found");

    const { token } = await businessWithInvoice();
    const missing = "0190b7d0-0000-7000-8000-000000000001";
    for (let i = 0; i < 300; i++) expect((await statusWithToken(missing, token)).status).toBe(404);
    const limited = await statusWithToken(missing, token);
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many requests for this pay link.") });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

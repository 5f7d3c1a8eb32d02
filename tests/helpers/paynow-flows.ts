import * as invoiceRoute from "@/app/api/billing/paynow/invoice/route";
import * as payRoute from "@/app/api/pay/[token]/route";
import * as ownerPayRoute from "@/app/api/billing/paynow/route";
import * as statusRoute from "@/app/api/billing/payments/[id]/status/route";
import * as webhookRoute from "@/app/api/webhooks/paynow/route";
import { prisma } from "@/lib/db";
import { createBusiness } from "./fixtures";
import { call } from "./http";

type Handler = Parameters<typeof call>[0];

export async function createInvoice(cookie: string, body: unknown = { plan: "basic" }) {
  return call(invoiceRoute.POST as Handler, "/api/billing/paynow/invoice", { cookie, body });
}

// A business with an owner and one open Paynow invoice for the plan.
export async function businessWithInvoice(plan = "basic", currency = "USD") {
  const { owner, business } = await createBusiness(`Paynow Shop ${plan}`);
  const res = await createInvoice(owner.cookie, { plan, currency });
  if (res.status !== 201) throw new Error(`invoice failed: ${res.status} ${JSON.stringify(res.json)}`);
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: res.json.invoice.id } });
  return { owner, business, invoice, token: invoice.paymentToken! };
}

export function payWithToken(token: string, body: unknown, headers: Record<string, string> = {}) {
  return call(payRoute.POST as Handler, `/api/pay/${token}`, { body, headers, params: { token } });
}

export function payAsOwner(cookie: string, body: unknown, headers: Record<string, string> = {}) {
  return call(ownerPayRoute.POST as Handler, "/api/billing/paynow", { cookie, body, headers });
}

export function statusWithToken(paymentId: string, token: string) {
  return call(statusRoute.GET as Handler, `/api/billing/payments/${paymentId}/status?token=${encodeURIComponent(token)}`, {
    params: { id: paymentId },
  });
}

export function statusAsMember(paymentId: string, cookie: string) {
  return call(statusRoute.GET as Handler, `/api/billing/payments/${paymentId}/status`, { cookie, params: { id: paymentId } });
}

export function postCallback(rawBody: string, contentType = "application/x-www-form-urlencoded") {
  return callRaw(webhookRoute.POST as Handler, "/api/webhooks/paynow", rawBody, contentType);
}

// The webhook answers text/plain, so it cannot go through call()'s JSON parsing on success.
async function callRaw(handler: Handler, path: string, body: string, contentType: string) {
  const req = new Request(`http://localhost:3000${path}`, { method: "POST", headers: { "content-type": contentType }, body });
  const res = await handler(req, { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null };
}

export async function paymentByReference(reference: string) {
  return prisma.payment.findFirstOrThrow({ where: { externalReference: reference } });
}

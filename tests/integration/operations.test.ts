import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as reapplyRoute from "@/app/api/operations/callbacks/[id]/reapply/route";
import { prisma } from "@/lib/db";
import { findStuckItems } from "@/lib/operations/find-stuck-items";
import { recordUnverifiedCallback } from "@/lib/payments/paynow/record-callback";
import { addMember } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { businessWithInvoice, payWithToken } from "../helpers/paynow-flows";

type Handler = Parameters<typeof call>[0];
const reapply = (cookie: string, id: string) => call(reapplyRoute.POST as Handler, `/api/operations/callbacks/${id}/reapply`, { method: "POST", cookie, params: { id } });

async function stuckBusiness(phone: string) {
  const setup = await businessWithInvoice();
  const res = await payWithToken(setup.token, { method: "ecocash", phone });
  const payment = await prisma.payment.update({ where: { id: res.json.paymentId }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
  const body = fakePaynow.statusBody(payment.externalReference!, { status: "Paid" });
  // A verified callback whose settling failed (e.g. the database went away mid-way).
  const failed = await prisma.paynowCallback.create({ data: { body, verified: true, reference: payment.externalReference, outcome: "error" } });
  await recordUnverifiedCallback(`reference=${payment.externalReference}&status=Paid&hash=forged`, payment.externalReference, "bad_hash");
  const businessId = setup.business.id;
  await prisma.posTerminal.create({ data: { businessId, terminalId: "till-quiet", lastSeenAt: new Date(Date.now() - 30 * 3600_000) } });
  await prisma.posTerminal.create({ data: { businessId, terminalId: "till-busy", lastSeenAt: new Date() } });
  await prisma.apiKey.updateMany({ where: { businessId }, data: { expiresAt: new Date(Date.now() + 3 * 86_400_000) } });
  await prisma.webhookEvent.create({
    data: { provider: "stripe", eventId: `evt_${payment.id}`, type: "invoice.paid", status: "failed", error: "boom", payload: { data: { object: { metadata: { businessId } } } } },
  });
  await prisma.emailMessage.create({ data: { businessId, template: "payment-received", to: "o@example.test", subject: "Paid", html: "", text: "", status: "failed", error: "bounced" } });
  return { ...setup, payment, failed };
}

describe("operations: is anything stuck?", () => {
  it("lists this business's stuck items only", async () => {
    const a = await stuckBusiness("0779999999");
    const b = await stuckBusiness("0779999998");
    const items = await findStuckItems(a.business.id);
    expect(items.pendingPayments.map((p) => p.id)).toEqual([a.payment.id]);
    expect(items.callbacks).toHaveLength(2);
    expect(items.callbacks.find((c) => c.verified)).toMatchObject({ id: a.failed.id, canReapply: true, body: a.failed.body });
    expect(items.callbacks.find((c) => !c.verified)).toMatchObject({ canReapply: false, body: null });
    expect(items.webhookEvents.map((e) => e.eventId)).toEqual([`evt_${a.payment.id}`]);
    expect(items.failedEmails).toHaveLength(1);
    expect(items.expiringKeys).toHaveLength(1);
    expect(items.silentTerminals.map((t) => t.terminalId)).toEqual(["till-quiet"]);
    expect(JSON.stringify(items)).not.toContain(b.payment.id);
    expect(JSON.stringify(items)).not.toContain(b.business.id);
  });

  it("re-applies a verified callback that failed to apply: the payment is settled once", async () => {
    const a = await stuckBusiness("0779999997");
    const other = await stuckBusiness("0779999996");
    const staff = await addMember(a.owner.cookie, a.business.id, "staff");

    const denied = await reapply(staff.cookie, a.failed.id);
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("forbidden");
    const foreign = await reapply(other.owner.cookie, a.failed.id);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe("not_found");

    const res = await reapply(a.owner.cookie, a.failed.id);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, outcome: "paid" });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: a.payment.id } })).status).toBe("paid");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: a.invoice.id } })).status).toBe("paid");

    const again = await reapply(a.owner.cookie, a.failed.id);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
    expect((await findStuckItems(a.business.id)).pendingPayments).toHaveLength(0);
  });
});

import "../helpers/no-paynow";
import { describe, expect, it } from "vitest";
import { isPaynowConfigured } from "@/lib/payments/paynow/config";
import { reconcilePendingPayments } from "@/lib/payments/paynow/reconcile-payments";
import { prisma } from "@/lib/db";
import { createBusiness } from "../helpers/fixtures";
import { createInvoice, payAsOwner, payWithToken, postCallback } from "../helpers/paynow-flows";

describe("without Paynow settings", () => {
  it("hides the option and answers 503 provider_not_configured everywhere", async () => {
    expect(isPaynowConfigured()).toBe(false);
    const { owner } = await createBusiness("Unconfigured Shop");
    const invoice = await createInvoice(owner.cookie, { plan: "basic" });
    expect(invoice.status).toBe(503);
    expect(invoice.json.error.code).toBe("provider_not_configured");
    expect((await payAsOwner(owner.cookie, { invoiceId: "x", method: "card" })).json.error.code).toBe("provider_not_configured");
    expect((await payWithToken("A".repeat(43), { method: "card" })).status).toBe(503);
    expect((await postCallback("reference=x&amount=1.00&status=Paid&hash=00")).status).toBe(503);
    expect(await prisma.paynowCallback.count({ where: { reference: "x", verified: false, outcome: "not_configured" } })).toBe(1);
    expect(await reconcilePendingPayments()).toMatchObject({ skipped: "paynow_not_configured" });
  });
});

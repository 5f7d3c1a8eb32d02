import { fakePaynow } from "../helpers/paynow";
import { describe, expect, it } from "vitest";
import * as walletRoute from "@/app/api/billing/renewal-wallet/route";
import { runBilling } from "@/lib/billing/run-billing";
import { prisma } from "@/lib/db";
import { DAY, renewalInvoicesOf } from "../helpers/billing";
import { addMember } from "../helpers/fixtures";
import { call } from "../helpers/http";
import { businessWithInvoice, payWithToken, postCallback } from "../helpers/paynow-flows";

async function paidWithWallet(phone: string) {
  const shop = await businessWithInvoice("basic");
  const pay = await payWithToken(shop.token, { method: "ecocash", phone });
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: pay.json.paymentId } });
  await fakePaynow.settle(payment.externalReference!, "Paid");
  expect((await postCallback(fakePaynow.statusBody(payment.externalReference!))).status).toBe(200);
  return shop;
}

const putWallet = (cookie: string, enabled: boolean) => call(walletRoute.PUT, "/api/billing/renewal-wallet", { method: "PUT", cookie, body: { enabled } });

describe("renewals pushed to the wallet", () => {
  it("an owner who paid with EcoCash opts in; the billing run sends the renewal prompt once, 3 days before due", async () => {
    const shop = await paidWithWallet("0771111111");
    const view = await call(walletRoute.GET, "/api/billing/renewal-wallet", { cookie: shop.owner.cookie });
    expect(view.json).toEqual({ eligible: true, enabled: false, wallet: "EcoCash", phoneLast4: "1111" });
    const on = await putWallet(shop.owner.cookie, true);
    expect(on.status).toBe(200);
    expect(on.json).toMatchObject({ enabled: true, wallet: "EcoCash", phoneLast4: "1111" });

    const sub = await prisma.subscription.update({ where: { businessId: shop.business.id }, data: { currentPeriodEnd: new Date(Date.now() + 2 * DAY) } });
    await runBilling({ businessIds: [shop.business.id] });
    await runBilling({ businessIds: [shop.business.id] });
    const [renewal] = await renewalInvoicesOf(sub.id);
    const pushes = await prisma.payment.findMany({ where: { invoiceId: renewal.id } });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ provider: "paynow", method: "ecocash", phone: "0771111111", idempotencyKey: `owner:renewal-push-${renewal.id}` });
    expect(fakePaynow.transaction(pushes[0].externalReference!)).toMatchObject({ method: "ecocash", phone: "0771111111", amount: "29.99" });
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `paynow.renewal-push:${renewal.id}` } })).toMatchObject({ status: "succeeded" });
  });

  it("a push that is declined leaves the invoice open with its pay link; the job does not retry", async () => {
    const shop = await paidWithWallet("0771111111");
    await putWallet(shop.owner.cookie, true);
    const sub = await prisma.subscription.update({
      where: { businessId: shop.business.id },
      data: { currentPeriodEnd: new Date(Date.now() + 2 * DAY), renewalWalletPhone: "0774444444" },
    });
    await runBilling({ businessIds: [shop.business.id] });
    const [renewal] = await renewalInvoicesOf(sub.id);
    expect(renewal).toMatchObject({ status: "open" });
    expect(renewal.paymentToken).toBeTruthy();
    expect(await prisma.payment.findFirstOrThrow({ where: { invoiceId: renewal.id } })).toMatchObject({ status: "failed" });
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `paynow.renewal-push:${renewal.id}` } })).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("waits until 3 days before due when the invoice is opened earlier", async () => {
    const shop = await paidWithWallet("0771111111");
    await putWallet(shop.owner.cookie, true);
    const sub = await prisma.subscription.update({ where: { businessId: shop.business.id }, data: { currentPeriodEnd: new Date(Date.now() + 6 * DAY) } });
    await runBilling({ businessIds: [shop.business.id], leadDays: 7 });
    const [renewal] = await renewalInvoicesOf(sub.id);
    const job = await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `paynow.renewal-push:${renewal.id}` } });
    expect(job.status).toBe("queued");
    expect(job.runAt).toEqual(new Date(renewal.dueAt!.getTime() - 3 * DAY));
    expect(await prisma.payment.count({ where: { invoiceId: renewal.id } })).toBe(0);
  });

  it("refuses to opt in without a wallet-paid period (409), and staff cannot change it (403)", async () => {
    const shop = await businessWithInvoice("basic");
    const refused = await putWallet(shop.owner.cookie, true);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/EcoCash or OneMoney/);
    const staff = await addMember(shop.owner.cookie, shop.business.id, "staff");
    const forbidden = await putWallet(staff.cookie, false);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.code).toBe("forbidden");
  });
});

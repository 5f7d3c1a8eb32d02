import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";

export const renewalWalletSchema = z.object({ enabled: z.boolean() });

const wallets = ["ecocash", "onemoney"] as const;
const walletNames: Record<string, string> = { ecocash: "EcoCash", onemoney: "OneMoney" };

export interface RenewalWalletView {
  eligible: boolean;
  enabled: boolean;
  wallet: string | null;
  phoneLast4: string | null;
}

// The wallet the last paid period came from: only EcoCash and OneMoney support a pushed prompt.
async function lastWalletPayment(businessId: string) {
  const last = await prisma.payment.findFirst({
    where: { businessId, provider: "paynow", status: "paid", invoiceId: { not: null } },
    orderBy: [{ paidAt: "desc" }, { createdAt: "desc" }],
    select: { method: true, phone: true },
  });
  return last?.phone && wallets.includes(last.method as (typeof wallets)[number]) ? { method: last.method!, phone: last.phone } : null;
}

export async function getRenewalWallet(businessId: string): Promise<RenewalWalletView> {
  const [subscription, last] = await Promise.all([
    prisma.subscription.findUnique({ where: { businessId }, select: { renewalWalletMethod: true, renewalWalletPhone: true } }),
    lastWalletPayment(businessId),
  ]);
  const enabled = Boolean(subscription?.renewalWalletPhone);
  const method = enabled ? subscription!.renewalWalletMethod : last?.method;
  const phone = enabled ? subscription!.renewalWalletPhone : last?.phone;
  return { eligible: Boolean(last), enabled, wallet: method ? walletNames[method] ?? method : null, phoneLast4: phone?.slice(-4) ?? null };
}

// Opt in or out of "send the renewal to my phone". Opting in takes the wallet of the last paid period.
export async function setRenewalWallet(businessId: string, enabled: boolean): Promise<RenewalWalletView> {
  if (enabled) {
    const last = await lastWalletPayment(businessId);
    if (!last) {
      throw new ApiError("conflict", "Renewals can be sent to a wallet once a period has been paid with EcoCash or OneMoney.");
    }
    await prisma.subscription.update({ where: { businessId }, data: { renewalWalletMethod: last.method, renewalWalletPhone: last.phone } });
  } else {
    await prisma.subscription.updateMany({ where: { businessId }, data: { renewalWalletMethod: null, renewalWalletPhone: null } });
  }
  return getRenewalWallet(businessId);
}

import { ApiError } from "@/lib/api/errors";
import { billingEmailFor } from "@/lib/billing/billing-email";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import type { Invoice, Payment } from "@/lib/generated/prisma/client";
import type { InitiateReply } from "./client";
import { paynowClient, requirePaynowSettings } from "./config";
import { PaynowProtocolError, PaynowUnavailableError } from "./http";
import { parseInnbucksExpiry } from "./innbucks-expiry";
import { admitPaymentAttempt } from "./prompt-limits";
import { toPaymentView } from "./payment-view";
import { checkPhoneForMethod, type MobileMethod } from "./phone";
import { reservePayment } from "./reserve-payment";
import type { PayInput, PaymentView } from "./schemas";

// The owner names an invoice of their business; the public page holds the invoice's payment token.
export type InvoiceTarget = { businessId: string; invoiceId: string } | { paymentToken: string };

const walletNames: Record<MobileMethod, string> = { ecocash: "EcoCash", onemoney: "OneMoney", innbucks: "InnBucks" };

async function findTargetInvoice(target: InvoiceTarget): Promise<Invoice> {
  const invoice =
    "paymentToken" in target
      ? await prisma.invoice.findUnique({ where: { paymentToken: target.paymentToken } })
      : await prisma.invoice.findFirst({ where: { id: target.invoiceId, businessId: target.businessId } });
  // CVT renewals can be paid with mobile money too when the CVT charge failed.
  if (!invoice || (invoice.provider !== "paynow" && invoice.provider !== "cvt")) throw new ApiError("not_found", "No such invoice.");
  return invoice;
}

function instructionsFor(payment: Payment, reply: Extract<InitiateReply, { ok: true }>): string | undefined {
  if (payment.method === "card") return undefined;
  const wallet = walletNames[payment.method as MobileMethod];
  const amount = formatMoney(payment.amountCents, payment.currency);
  if (payment.method === "innbucks" && reply.authorizationCode) {
    return `Open the InnBucks app and enter code ${reply.authorizationCode}, or scan the QR code, to pay ${amount}.`;
  }
  return reply.instructions?.trim() || `Check your phone (…${payment.phone?.slice(-4)}) and enter your ${wallet} PIN to approve ${amount}.`;
}

// Creates a Paynow payment for an open invoice: reserve it, initiate at Paynow (mobile express checkout for
// wallets, web checkout for cards), record what Paynow answered. If Paynow is down, nothing is left behind
// that could block or confuse a retry; see releaseAfterFailure.
export async function startPaynowPayment(
  target: InvoiceTarget,
  input: PayInput,
  idempotencyKey: string | null,
  clientIp: string | null = null,
): Promise<{ created: boolean; payment: PaymentView }> {
  const settings = requirePaynowSettings();
  let phone: string | undefined;
  if (input.method !== "card") {
    const check = checkPhoneForMethod(input.method, input.phone);
    if (!check.ok) throw new ApiError("invalid_phone_number", `phone: ${check.message}`);
    phone = check.phone;
  }
  const invoice = await findTargetInvoice(target);
  // Public and owner requests keep separate key spaces, so a payer cannot replay into an owner's request.
  const scopedKey = idempotencyKey && ("paymentToken" in target ? `pay:${idempotencyKey}` : `owner:${idempotencyKey}`);
  const reservation = await reservePayment(invoice, { method: input.method, phone, idempotencyKey: scopedKey }, () =>
    admitPaymentAttempt({ invoiceId: invoice.id, phone, ip: clientIp }),
  );
  if (reservation.kind === "replay") return { created: false, payment: await toPaymentView(reservation.payment) };

  const payment = reservation.payment;
  // Paynow mails the auth email: a signed-in owner may name one; on the public page it is the business's own
  // billing address, never one the payer typed (unverified: anyone could have Paynow mail anyone).
  const ownerEmail = "paymentToken" in target ? undefined : input.email;
  const authEmail = ownerEmail ?? (await billingEmailFor(invoice.businessId)) ?? undefined;
  let reply: InitiateReply;
  try {
    reply = await paynowClient().initiate({
      reference: payment.externalReference!,
      amountCents: payment.amountCents,
      additionalInfo: `Tangabiz invoice ${invoice.number}`,
      returnUrl: `${settings.returnUrl.replace(/\/$/, "")}/${invoice.paymentToken}?payment=${payment.id}`,
      authEmail,
      mobile: phone ? { method: input.method as MobileMethod, phone } : undefined,
    });
  } catch (error) {
    throw await releaseAfterFailure(payment, error);
  }

  if (!reply.ok) {
    await prisma.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: { status: "failed", pendingInvoiceId: null, failureReason: `Paynow declined: ${reply.error}` },
    });
    throw new ApiError("payment_declined", `Paynow declined the payment: ${reply.error}`);
  }

  if (input.method === "card" && !reply.browserUrl) {
    throw await releaseAfterFailure(payment, new PaynowProtocolError("Paynow's reply to a web checkout has no browser URL"));
  }
  // Status is not touched here: Paynow's callback may already have settled the payment.
  const updated = await prisma.payment.update({
    where: { id: payment.id },
    data: {
      pollUrl: reply.pollUrl,
      redirectUrl: input.method === "card" ? reply.browserUrl : null,
      providerReference: reply.paynowReference,
      instructions: instructionsFor(payment, reply),
      authorizationCode: reply.authorizationCode,
      authorizationExpiresAt: parseInnbucksExpiry(reply.authorizationExpires),
    },
  });
  return { created: true, payment: await toPaymentView(updated) };
}

// When Paynow provably never saw the request the reservation is deleted, as if nothing happened. When it may
// have (a timeout, a dropped connection, an unverifiable reply), the payment is closed as failed with its
// reference kept, so a late "Paid" from Paynow still finds and settles it; either way the invoice is free again.
async function releaseAfterFailure(payment: Payment, error: unknown): Promise<unknown> {
  const neverArrived = error instanceof PaynowUnavailableError && !error.mayHaveArrived;
  console.warn(`paynow initiate for payment ${payment.id} failed: ${(error as Error).message}`);
  if (neverArrived) {
    await prisma.payment.deleteMany({ where: { id: payment.id, status: "pending" } });
  } else {
    await prisma.payment.updateMany({
      where: { id: payment.id, status: "pending" },
      data: {
        status: "failed",
        pendingInvoiceId: null,
        failureReason: "Paynow did not confirm the request. If you approved a prompt anyway, the payment will be matched when Paynow reports it.",
      },
    });
  }
  if (error instanceof PaynowProtocolError) {
    return new ApiError("upstream_unavailable", "Paynow sent an answer we could not verify. Please try again.", { status: 502 });
  }
  if (error instanceof PaynowUnavailableError) {
    return new ApiError("upstream_unavailable", "Paynow is not answering right now. Please try again in a few minutes.", { status: 503 });
  }
  return error;
}

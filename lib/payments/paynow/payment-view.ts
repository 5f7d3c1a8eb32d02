import QRCode from "qrcode";
import type { Payment } from "@/lib/generated/prisma/client";
import { paymentViewSchema, type PaymentView } from "./schemas";

export const INNBUCKS_DEEP_LINK = "schinn.wbpycode://innbucks.co.zw?pymInnCode=";

// The InnBucks QR is drawn here, as inline SVG, rather than by a third-party chart URL that would learn the
// code and fail offline.
function innbucksQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

// What a caller may see of a payment. Instructions, redirect and InnBucks code only matter while it waits.
export async function toPaymentView(payment: Payment): Promise<PaymentView> {
  const waiting = payment.status === "pending";
  const code = waiting && payment.method === "innbucks" ? payment.authorizationCode : null;
  return paymentViewSchema.parse({
    paymentId: payment.id,
    status: payment.status,
    method: payment.method,
    amountCents: payment.amountCents,
    currency: payment.currency,
    invoiceId: payment.invoiceId,
    phoneLast4: payment.phone ? payment.phone.slice(-4) : null,
    redirectUrl: waiting ? payment.redirectUrl ?? undefined : undefined,
    instructions: waiting ? payment.instructions ?? undefined : undefined,
    innbucks: code
      ? {
          authorizationCode: code,
          expiresAt: payment.authorizationExpiresAt?.toISOString() ?? null,
          deepLink: INNBUCKS_DEEP_LINK + encodeURIComponent(code),
          qrSvg: await innbucksQrSvg(code),
        }
      : undefined,
    failureReason: payment.status === "paid" ? undefined : payment.failureReason ?? undefined,
    flaggedForReview: payment.flaggedForReview,
    paidAt: payment.paidAt?.toISOString() ?? null,
    createdAt: payment.createdAt.toISOString(),
  });
}

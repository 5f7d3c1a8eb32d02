import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { paynowSettings } from "@/lib/payments/paynow/config";
import { PaynowMessage } from "@/lib/payments/paynow/message";
import { applyVerifiedCallback } from "@/lib/payments/paynow/receive-callback";

// Only verified callbacks that failed to apply, and only those about this business's own payments.
export async function reapplyPaynowCallback(businessId: string, callbackId: string, actorUserId: string) {
  const notFound = new ApiError("not_found", "No such callback for this business.");
  if (callbackId.length > 64) throw notFound;
  const callback = await prisma.paynowCallback.findFirst({ where: { id: callbackId, verified: true } });
  if (!callback?.reference) throw notFound;
  const payment = await prisma.payment.findFirst({
    where: { businessId, provider: "paynow", externalReference: callback.reference },
    select: { id: true },
  });
  if (!payment) throw notFound;
  if (callback.outcome !== "error") throw new ApiError("conflict", `This callback was applied already (${callback.outcome ?? "in progress"}).`);

  const settings = paynowSettings();
  if (!settings) throw new ApiError("provider_not_configured", "Mobile money (Paynow) is not set up on this installation.");
  // Checked again: the stored body is only trusted while it still carries a valid hash.
  const message = PaynowMessage.parse(callback.body);
  if (!message.isSignedWith(settings.integrationKey)) throw new ApiError("invalid_signature", "The stored callback no longer verifies.");
  const result = await applyVerifiedCallback(callback.id, message);
  await prisma.auditLog.create({
    data: { businessId, actorUserId, action: "paynow.callback_reapplied", entityType: "payment", entityId: payment.id, data: { callbackId, outcome: result.outcome } },
  });
  return { outcome: result.outcome };
}

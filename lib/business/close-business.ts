import { recordAudit } from "@/lib/audit/record-audit";
import { ApiError } from "@/lib/api/errors";
import { forgetCachedApiKey } from "@/lib/api-keys/verify-api-key";
import { prisma } from "@/lib/db";
import { callStripe, isStripeMissingResource } from "@/lib/payments/stripe/client";
import type { CloseBusinessInput } from "./schemas";

// Closing replaces deletion: invoices, payments, orders, usage and the audit log are records and stay.
// Billing stops at the processor first (a card subscription would otherwise keep charging), then in one
// transaction the business is marked closed, its keys revoked, open invoices voided and waiting payments cancelled.
export async function closeBusiness(businessId: string, actorUserId: string, input: CloseBusinessInput) {
  const business = await prisma.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { name: true, closedAt: true, subscription: { select: { provider: true, status: true, externalSubscriptionId: true } } },
  });
  if (business.closedAt) throw new ApiError("business_closed", "This business is already closed.", { status: 409 });
  if (input.confirmName !== business.name) {
    throw new ApiError("validation_failed", `confirmName: type the business name exactly ("${business.name}") to confirm.`);
  }
  const subscription = business.subscription;
  if (subscription?.provider === "stripe" && subscription.externalSubscriptionId && subscription.status !== "canceled") {
    await cancelStripeSubscription(businessId, subscription.externalSubscriptionId);
  }

  const now = new Date();
  const revokedHashes = await prisma.$transaction(async (tx) => {
    const closed = await tx.business.updateMany({ where: { id: businessId, closedAt: null }, data: { closedAt: now } });
    if (closed.count === 0) throw new ApiError("business_closed", "This business is already closed.", { status: 409 });
    const keys = await tx.apiKey.findMany({
      where: { businessId, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      select: { hash: true },
    });
    await tx.apiKey.updateMany({ where: { businessId, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] }, data: { revokedAt: now } });
    const voided = await tx.invoice.updateMany({ where: { businessId, status: { in: ["open", "draft"] } }, data: { status: "void" } });
    const cancelled = await tx.payment.updateMany({
      where: { businessId, status: "pending" },
      data: { status: "cancelled", pendingInvoiceId: null, failureReason: "The business was closed." },
    });
    await tx.subscription.updateMany({ where: { businessId }, data: { status: "canceled", cancelAtPeriodEnd: false } });
    await recordAudit(tx, {
      businessId,
      actor: { userId: actorUserId },
      action: "business.closed",
      target: { type: "business", id: businessId },
      data: { revokedKeys: keys.length, voidedInvoices: voided.count, cancelledPayments: cancelled.count },
    });
    return keys.map((key) => key.hash);
  });
  revokedHashes.forEach(forgetCachedApiKey);
  return { closedAt: now };
}

async function cancelStripeSubscription(businessId: string, subscriptionId: string) {
  // The idempotency key makes a retried close (after a failure below) replay Stripe's first answer; a
  // subscription Stripe no longer knows has nothing left to charge.
  await callStripe(async (stripe) => {
    try {
      return await stripe.subscriptions.cancel(subscriptionId, {}, { idempotencyKey: `close-business-${businessId}` });
    } catch (error) {
      if (isStripeMissingResource(error)) return null;
      throw error;
    }
  });
}

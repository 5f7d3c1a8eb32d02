import CardPaymentFailedEmail from "@/emails/card-payment-failed";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/format";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { fromStripeTime, type Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";
import { invoicePaymentIntentId, recordStripeInvoice, recordStripePayment } from "./invoice-record";
import { applyStripeSubscription, resolveInvoiceContext, type Tx } from "./sync-subscription";

// invoice.payment_failed: the open invoice and the failed attempt are recorded, the business is past_due,
// and its owners get an email with the link to pay, queued in the event's transaction.
export async function onInvoicePaymentFailed(event: Stripe.Event): Promise<EventPlan> {
  const invoice = event.data.object as Stripe.Invoice;
  const context = await resolveInvoiceContext(invoice);
  if (!context) return ignored;
  const { businessId, subscription } = context;
  const eventAt = fromStripeTime(event.created);
  const nextAttempt = fromStripeTime(invoice.next_payment_attempt);

  return {
    status: "processed",
    apply: async (tx) => {
      const row = await recordStripeInvoice(tx, businessId, invoice);
      await recordStripePayment(tx, {
        businessId,
        invoiceId: row.id,
        externalReference: `${invoice.id}:attempt-${invoice.attempt_count}`,
        providerReference: invoicePaymentIntentId(invoice),
        amountCents: invoice.amount_due,
        currency: invoice.currency,
        status: "failed",
        failureReason: `Card payment failed (attempt ${invoice.attempt_count})`,
      });
      await queueOwnerEmails(tx, businessId, {
        amountCents: invoice.amount_due,
        currency: invoice.currency,
        invoiceNumber: invoice.number ?? invoice.id,
        payUrl: invoice.hosted_invoice_url ?? null,
        nextAttempt,
      });
      if (!subscription) return;
      const outcome = await applyStripeSubscription(tx, businessId, subscription, eventAt);
      // Stripe flips the subscription to past_due as the invoice fails; don't wait for its own event.
      if (outcome === "applied") {
        await tx.subscription.updateMany({
          where: { businessId, externalSubscriptionId: subscription.id, status: { in: ["active", "trialing"] } },
          data: { status: "past_due" },
        });
      }
    },
    afterCommit: async () => kickJobs(),
  };
}

interface FailureDetails {
  amountCents: number;
  currency: string;
  invoiceNumber: string;
  payUrl: string | null;
  nextAttempt: Date | null;
}

async function queueOwnerEmails(tx: Tx, businessId: string, details: FailureDetails) {
  const business = await tx.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { name: true, members: { where: { role: "owner" }, select: { user: { select: { email: true } } } } },
  });
  for (const { user } of business.members) {
    await queueEmail(tx, {
      template: "card-payment-failed",
      to: user.email,
      subject: `Payment failed for ${business.name}: ${formatMoney(details.amountCents, details.currency.toUpperCase())}`,
      businessId,
      body: CardPaymentFailedEmail({ businessName: business.name, billingUrl: `${env.APP_URL}/dashboard/billing`, ...details }),
    });
  }
}

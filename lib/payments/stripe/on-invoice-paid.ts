import { grantCreditsForPaidInvoice } from "@/lib/credits/grant-invoice-credits";
import { fromStripeTime, type Stripe } from "./client";
import { ignored, type EventPlan } from "./event-plan";
import { invoicePaymentIntentId, recordStripeInvoice, recordStripePayment } from "./invoice-record";
import { applyStripeSubscription, resolveInvoiceContext } from "./sync-subscription";

// invoice.paid / invoice.payment_succeeded (both arrive for one invoice): the invoice and its payment,
// each written once; the subscription is re-read so a past_due business becomes active again.
export async function onInvoicePaid(event: Stripe.Event): Promise<EventPlan> {
  const invoice = event.data.object as Stripe.Invoice;
  const context = await resolveInvoiceContext(invoice);
  if (!context) return ignored;
  const { businessId, subscription } = context;
  const paidAt = fromStripeTime(invoice.status_transitions?.paid_at) ?? fromStripeTime(event.created);

  return {
    status: "processed",
    apply: async (tx) => {
      const row = await recordStripeInvoice(tx, businessId, invoice);
      if (invoice.amount_paid > 0) {
        await recordStripePayment(tx, {
          businessId,
          invoiceId: row.id,
          externalReference: invoice.id,
          providerReference: invoicePaymentIntentId(invoice),
          amountCents: invoice.amount_paid,
          currency: invoice.currency,
          status: "paid",
          paidAt,
        });
      }
      if (subscription) await applyStripeSubscription(tx, businessId, subscription, fromStripeTime(event.created));
      await grantCreditsForPaidInvoice(tx, row.id);
    },
  };
}

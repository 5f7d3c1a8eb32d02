import OrderReceiptEmail from "@/emails/order-receipt";
import { allocateInvoiceNumber } from "@/lib/billing/invoice-number";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { postCreditEntry } from "./post-credit-entry";
import { queryFromTx } from "./sql";

// A one-off order is paid: pending → paid once (the conditional update decides between concurrent webhooks);
// a top-up order's credits are granted and the receipt is queued in the same transaction. Answers whether
// this call completed it; the caller kicks the job queue after its commit.
export async function completeOrder(tx: Prisma.TransactionClient, orderId: string, paidAt: Date): Promise<boolean> {
  const moved = await tx.order.updateMany({
    where: { id: orderId, status: { in: ["pending", "failed"] } },
    data: { status: "paid", paidAt, failureReason: null },
  });
  if (moved.count === 0) return false;
  // Read through the transaction: on the embedded database a query outside it would wait for this one.
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      business: {
        select: {
          name: true,
          contactEmail: true,
          members: { where: { role: "owner" }, orderBy: { createdAt: "asc" }, take: 1, select: { user: { select: { email: true } } } },
        },
      },
    },
  });
  // A card order has no invoice of ours yet: a paid one gives it a number and a row in the billing page's list.
  if (!order.invoiceId) {
    const lines = [{ description: order.description, quantity: 1, unitAmountCents: order.amountCents, amountCents: order.amountCents }];
    const invoice = await tx.invoice.create({
      data: {
        businessId: order.businessId,
        number: await allocateInvoiceNumber(tx, paidAt),
        provider: order.provider,
        externalId: order.stripeCheckoutSessionId,
        status: "paid",
        currency: order.currency,
        subtotalCents: order.amountCents,
        totalCents: order.amountCents,
        amountDueCents: 0,
        amountPaidCents: order.amountCents,
        lines,
        issuedAt: paidAt,
        paidAt,
      },
    });
    await tx.order.update({ where: { id: order.id }, data: { invoiceId: invoice.id } });
    order.invoiceId = invoice.id;
  }
  if (order.credits) {
    await postCreditEntry(queryFromTx(tx), {
      businessId: order.businessId,
      bucket: "topup",
      kind: "topup",
      delta: order.credits,
      idempotencyKey: `topup:order:${order.id}`,
      orderId: order.id,
      invoiceId: order.invoiceId,
      description: order.description,
    });
  }
  const to = order.business.contactEmail ?? order.business.members[0]?.user.email;
  if (to) {
    const amount = formatMoney(order.amountCents, order.currency);
    await queueEmail(tx, {
      template: "order-receipt",
      to,
      businessId: order.businessId,
      subject: `Receipt: ${order.description} (${amount})`,
      body: OrderReceiptEmail({
        businessName: order.business.name,
        description: order.description,
        amount,
        method: order.provider === "paynow" ? "mobile money" : "card",
        paidAt: formatDateTime(paidAt),
        credits: order.credits,
        orderId: order.id,
        creditsUrl: new URL("/dashboard/credits", env.APP_URL).toString(),
      }),
    });
  }
  return true;
}

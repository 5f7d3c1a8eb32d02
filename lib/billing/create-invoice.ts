import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { emitInvoiceEvent } from "@/lib/webhooks-out/emit-billing-events";
import type { CreatePaynowInvoiceInput } from "@/lib/payments/paynow/schemas";
import { requirePaynowSettings } from "@/lib/payments/paynow/config";
import { addMonthsUtc } from "./billing-period";
import { allocateInvoiceNumber } from "./invoice-number";
import { formatDate } from "@/lib/format";
import { plans } from "./plans";

const DUE_IN_DAYS = 7;
const stripeManaged = new Set(["active", "trialing", "past_due"]);

// An owner who picks Paynow for a plan gets an open invoice for one period of it, payable on the public
// page /pay/<paymentToken>. Asking again for the same plan and currency returns the open invoice instead of
// piling up new ones.
export async function createPaynowInvoice(businessId: string, input: CreatePaynowInvoiceInput, now = new Date()) {
  requirePaynowSettings();
  const plan = plans[input.plan];
  const price = plan.prices[input.currency];
  const subscription = await prisma.subscription.findUnique({ where: { businessId } });
  const cardLive = subscription?.provider === "stripe" && stripeManaged.has(subscription.status);
  if (cardLive && !subscription.cancelAtPeriodEnd) {
    const until = subscription.currentPeriodEnd ? ` until ${formatDate(subscription.currentPeriodEnd)}` : "";
    throw new ApiError(
      "card_billing_active",
      `This business pays by card (Stripe)${until}, so a mobile-money invoice would pay the same period twice. Cancel card billing first: it stops at the end of the paid period and mobile money takes over from then.`,
    );
  }

  const open = await prisma.invoice.findFirst({
    where: { businessId, provider: "paynow", status: "open", plan: input.plan, currency: input.currency },
    orderBy: { createdAt: "desc" },
  });
  if (open) return { invoice: open, created: false };

  const continues =
    subscription?.plan === input.plan &&
    subscription.status === "active" &&
    subscription.provider === "paynow" &&
    subscription.currentPeriodEnd !== null &&
    subscription.currentPeriodEnd > now;
  // After a card cancellation the mobile-money period starts where the card period ends.
  const afterCard = cardLive && subscription.currentPeriodEnd !== null && subscription.currentPeriodEnd > now;
  const periodStart = continues || afterCard ? subscription!.currentPeriodEnd! : now;
  const description = `Tangabiz ${plan.name} plan, 1 month`;

  const invoice = await prisma.$transaction(async (tx) => {
    const created = await tx.invoice.create({
      data: {
        businessId,
        number: await allocateInvoiceNumber(tx, now),
        provider: "paynow",
        status: "open",
        currency: input.currency,
        subtotalCents: price,
        totalCents: price,
        amountDueCents: price,
        lines: [{ description, quantity: 1, unitAmountCents: price, amountCents: price }],
        plan: input.plan,
        periodStart,
        periodEnd: addMonthsUtc(periodStart, 1),
        dueAt: new Date(now.getTime() + DUE_IN_DAYS * 86_400_000),
        issuedAt: now,
        paymentToken: randomBytes(32).toString("base64url"),
      },
    });
    await emitInvoiceEvent(tx, created.id, "invoice.created");
    return created;
  });
  return { invoice, created: true };
}

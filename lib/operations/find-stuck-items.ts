import { prisma } from "@/lib/db";

// "Is anything stuck?" for one business. Every query is scoped to the business: callbacks and webhook events
// (stored per provider, not per business) are matched through this business's own payment references and
// Stripe customer.
export const STUCK_AFTER = {
  pendingPaymentMinutes: 15,
  keyExpiryDays: 14,
  terminalSilentHours: 24,
};
const LIST_LIMIT = 50;

export async function findStuckItems(businessId: string, now = new Date()) {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const [pendingPayments, callbacks, webhookEvents, failedEmails, expiringKeys, silentTerminals, overdueInvoices] = await Promise.all([
    prisma.payment.findMany({
      where: { businessId, status: "pending", createdAt: { lt: minutesAgo(STUCK_AFTER.pendingPaymentMinutes) } },
      orderBy: { createdAt: "asc" },
      take: LIST_LIMIT,
      select: { id: true, provider: true, method: true, amountCents: true, currency: true, createdAt: true, invoice: { select: { number: true } } },
    }),
    findTroubledCallbacks(businessId),
    findFailedWebhookEvents(businessId),
    // Email delivery belongs to the email outbox; this lists what it marked failed.
    prisma.emailMessage.findMany({
      where: { businessId, status: "failed" },
      orderBy: { createdAt: "desc" },
      take: LIST_LIMIT,
      select: { id: true, template: true, to: true, subject: true, error: true, createdAt: true },
    }),
    prisma.apiKey.findMany({
      where: {
        businessId,
        OR: [
          { revokedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + STUCK_AFTER.keyExpiryDays * 86_400_000) } },
          { revokedAt: { gt: now, lte: new Date(now.getTime() + STUCK_AFTER.keyExpiryDays * 86_400_000) } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: LIST_LIMIT,
      select: { id: true, name: true, prefix: true, expiresAt: true, revokedAt: true },
    }),
    prisma.posTerminal.findMany({
      where: { businessId, lastSeenAt: { lt: minutesAgo(STUCK_AFTER.terminalSilentHours * 60) } },
      orderBy: { lastSeenAt: "asc" },
      take: LIST_LIMIT,
      select: { id: true, terminalId: true, lastSeenAt: true },
    }),
    // Open invoices past their due date (the billing work may refine what "overdue" means).
    prisma.invoice.findMany({
      where: { businessId, status: "open", dueAt: { lt: now } },
      orderBy: { dueAt: "asc" },
      take: LIST_LIMIT,
      select: { id: true, number: true, provider: true, amountDueCents: true, currency: true, dueAt: true },
    }),
  ]);
  return { pendingPayments, callbacks, webhookEvents, failedEmails, expiringKeys, silentTerminals, overdueInvoices };
}

export type StuckItems = Awaited<ReturnType<typeof findStuckItems>>;

// Verified callbacks that failed to apply or could not be matched, and unverified posts naming our payments.
async function findTroubledCallbacks(businessId: string) {
  const references = await prisma.payment.findMany({
    where: { businessId, provider: "paynow", externalReference: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { externalReference: true },
  });
  const refs = references.map((r) => r.externalReference!);
  if (refs.length === 0) return [];
  const rows = await prisma.paynowCallback.findMany({
    where: {
      reference: { in: refs },
      OR: [{ verified: false }, { outcome: { in: ["error", "malformed", "flagged_amount", "flagged_double_payment", "flagged_status"] } }],
    },
    orderBy: { receivedAt: "desc" },
    take: LIST_LIMIT,
    select: { id: true, verified: true, reference: true, outcome: true, body: true, receivedAt: true },
  });
  // Raw bodies only of verified callbacks: an unverified post is whatever someone chose to send.
  return rows.map((row) => ({ ...row, body: row.verified ? row.body : null, canReapply: row.verified && row.outcome === "error" }));
}

async function findFailedWebhookEvents(businessId: string) {
  const subscription = await prisma.subscription.findUnique({ where: { businessId }, select: { externalCustomerId: true } });
  const customer = subscription?.externalCustomerId;
  return prisma.webhookEvent.findMany({
    where: {
      provider: "stripe",
      status: "failed",
      OR: [
        { payload: { path: ["data", "object", "metadata", "businessId"], equals: businessId } },
        ...(customer ? [{ payload: { path: ["data", "object", "customer"], equals: customer } }] : []),
      ],
    },
    orderBy: { receivedAt: "desc" },
    take: LIST_LIMIT,
    select: { id: true, eventId: true, type: true, error: true, attempts: true, receivedAt: true },
  });
}

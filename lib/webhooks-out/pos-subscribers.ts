import { database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventIdFor, queueDeliveries } from "./emit-event";

type Tx = Prisma.TransactionClient;

// Whether a business has an endpoint for pos.transaction.created, cached per business for 30 s so the POS hot
// path reads the database about it at most once per business per 30 s. It only chooses the batch's path: a
// business with one goes through the transaction that also queues the events (emitPosTransactionsCreated), which
// reads the endpoints itself. Changes made on this instance apply at once; other instances see them within the TTL.
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { subscribed: Promise<boolean>; expiresAt: number }>();

export function forgetPosSubscription(businessId: string): void {
  cache.delete(businessId);
}

export function hasPosSubscriber(businessId: string, now = Date.now()): Promise<boolean> {
  const cached = cache.get(businessId);
  if (cached && cached.expiresAt > now) return cached.subscribed;
  // Plain SQL, so a fresh instance's first sale does not wait for the ORM to start (lib/db database.query).
  const subscribed = database
    .query<{ subscribed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "WebhookEndpoint" WHERE "businessId" = $1 AND enabled AND 'pos.transaction.created' = ANY (events)) AS subscribed`,
      [businessId],
    )
    .then(([row]) => row.subscribed)
    .catch(() => {
      cache.delete(businessId);
      return true; // unknown: the transactional path reads the endpoints exactly
    });
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(businessId, { subscribed, expiresAt: now + TTL_MS });
  return subscribed;
}

export interface PosTransactionEvent {
  businessId: string;
  eventId: string;
  reference: string;
  type: string;
  amountCents: number;
  currency: string;
  terminalId: string | null;
  occurredAt: Date;
}

// Queues pos.transaction.created for new transactions of subscribed businesses, in the batch's transaction, so a
// sale that committed always has its event. Keyed on the usage event: the same sale never produces two events.
export async function emitPosTransactionsCreated(tx: Tx, transactions: PosTransactionEvent[]): Promise<number> {
  const businessIds = [...new Set(transactions.map((t) => t.businessId))];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { businessId: { in: businessIds }, enabled: true, events: { has: "pos.transaction.created" } },
    select: { id: true, businessId: true },
  });
  let deliveries = 0;
  for (const transaction of transactions) {
    const own = endpoints.filter((endpoint) => endpoint.businessId === transaction.businessId);
    if (own.length === 0) continue;
    const data: Prisma.InputJsonObject = {
      id: transaction.eventId,
      reference: transaction.reference,
      type: transaction.type,
      amountCents: transaction.amountCents,
      currency: transaction.currency,
      terminalId: transaction.terminalId,
      occurredAt: transaction.occurredAt.toISOString(),
    };
    const eventId = eventIdFor(transaction.businessId, `pos.transaction:${transaction.eventId}`);
    deliveries += await queueDeliveries(tx, transaction.businessId, own, { eventId, type: "pos.transaction.created", data, occurredAt: transaction.occurredAt });
  }
  return deliveries;
}

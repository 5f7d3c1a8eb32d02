import { afterResponse } from "@/lib/api/after-response";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitEvent } from "./emit-event";

// Whether a business has an endpoint for pos.transaction.created, cached per business for 30 s so the POS hot
// path reads the database about it at most once per business per 30 s (and never for businesses without one).
// Changes made on this instance apply at once; other instances see them within the TTL.
const TTL_MS = 30_000;
const cache = new Map<string, { subscribed: Promise<boolean>; expiresAt: number }>();

export function forgetPosSubscription(businessId: string): void {
  cache.delete(businessId);
}

function hasPosSubscriber(businessId: string, now = Date.now()): Promise<boolean> {
  const cached = cache.get(businessId);
  if (cached && cached.expiresAt > now) return cached.subscribed;
  const subscribed = prisma.webhookEndpoint
    .count({ where: { businessId, enabled: true, events: { has: "pos.transaction.created" } } })
    .then((count) => count > 0)
    .catch(() => {
      cache.delete(businessId);
      return false;
    });
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

// Called after the transaction's batch committed, off the response path. Keyed on the usage event, so the
// same transaction never produces two events.
export function emitPosTransactionCreated(transaction: PosTransactionEvent): void {
  afterResponse(() => emitPosTransactionNow(transaction));
}

export async function emitPosTransactionNow(transaction: PosTransactionEvent): Promise<number> {
  if (!(await hasPosSubscriber(transaction.businessId))) return 0;
  const data: Prisma.InputJsonObject = {
    id: transaction.eventId,
    reference: transaction.reference,
    type: transaction.type,
    amountCents: transaction.amountCents,
    currency: transaction.currency,
    terminalId: transaction.terminalId,
    occurredAt: transaction.occurredAt.toISOString(),
  };
  const { deliveries } = await prisma.$transaction((tx) =>
    emitEvent(tx, transaction.businessId, "pos.transaction.created", data, { key: `pos.transaction:${transaction.eventId}` }),
  );
  return deliveries;
}

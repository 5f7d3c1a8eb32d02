import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { Prisma, type Invoice, type Payment } from "@/lib/generated/prisma/client";
import type { PaynowMethod } from "./schemas";

export type Reservation = { kind: "new"; payment: Payment } | { kind: "replay"; payment: Payment };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findReplay(businessId: string, idempotencyKey: string, invoiceId: string, method: PaynowMethod) {
  const existing = await prisma.payment.findUnique({ where: { businessId_idempotencyKey: { businessId, idempotencyKey } } });
  if (!existing) return null;
  if (existing.invoiceId !== invoiceId || existing.method !== method) {
    throw new ApiError("idempotency_conflict", "This Idempotency-Key was already used for a different payment request.");
  }
  return existing;
}

// Before anything is sent to Paynow, the payment is written as pending with pendingInvoiceId set: the unique
// index on pendingInvoiceId lets only one payment per invoice wait at a time, and the unique
// (businessId, idempotencyKey) turns a retried request into the payment it already created. The database
// decides both, so two simultaneous clicks cannot both reach Paynow.
export async function reservePayment(
  invoice: Invoice,
  request: { method: PaynowMethod; phone?: string; idempotencyKey: string | null },
  // Runs once the new payment is reserved (never for a replay or a refused one); if it throws, the reservation
  // is removed again before anything reached Paynow.
  admit: () => Promise<void> = async () => {},
): Promise<Reservation> {
  const { idempotencyKey } = request;
  if (idempotencyKey) {
    const replay = await findReplay(invoice.businessId, idempotencyKey, invoice.id, request.method);
    if (replay) return { kind: "replay", payment: replay };
  }
  if (invoice.status !== "open" || invoice.amountDueCents <= 0) {
    throw new ApiError("conflict", `Invoice ${invoice.number} is ${invoice.status}; there is nothing to pay.`);
  }
  try {
    const payment = await prisma.payment.create({
      data: {
        businessId: invoice.businessId,
        invoiceId: invoice.id,
        pendingInvoiceId: invoice.id,
        provider: "paynow",
        method: request.method,
        amountCents: invoice.amountDueCents,
        currency: invoice.currency,
        status: "pending",
        externalReference: `${invoice.number}-${randomBytes(4).toString("hex").toUpperCase()}`,
        phone: request.phone,
        idempotencyKey,
      },
    });
    await admit().catch(async (refusal) => {
      await prisma.payment.deleteMany({ where: { id: payment.id, status: "pending" } });
      throw refusal;
    });
    return { kind: "new", payment };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (idempotencyKey) {
      const replay = await findReplay(invoice.businessId, idempotencyKey, invoice.id, request.method);
      if (replay) return { kind: "replay", payment: replay };
    }
    throw new ApiError(
      "conflict",
      `A payment for ${invoice.number} is already waiting for approval. Approve it on your phone, or cancel it to use another method.`,
    );
  }
}

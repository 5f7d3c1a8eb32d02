import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { creditsForSeconds, DEFAULT_HOLD_SECONDS } from "./credit-units";
import { submitReservation } from "./reservation-batcher";
import type { ReservationOutcome } from "./write-reservations";

export interface ReserveInput {
  businessId: string;
  apiKeyId: string | null;
  requestedSeconds: number;
  ttlSeconds?: number;
  idempotencyKey?: string | null;
}

export type ReserveResult = ReservationOutcome | { outcome: "replayed"; taskId: string; reservedCredits: number; expiresAt: Date };

// POST /api/v1/jobs: hold ceil(seconds / 5) credits for a job. A repeated Idempotency-Key answers the first
// hold (never a second one); the same key with another request is a 409.
export async function reserveCredits(input: ReserveInput): Promise<ReserveResult> {
  const credits = creditsForSeconds(input.requestedSeconds);
  const idempotencyKey = input.idempotencyKey ?? null;
  if (idempotencyKey) {
    const earlier = await findReplay(input.businessId, idempotencyKey, input.requestedSeconds);
    if (earlier) return earlier;
  }
  try {
    return await submitReservation({
      businessId: input.businessId,
      apiKeyId: input.apiKeyId,
      credits,
      requestedSeconds: input.requestedSeconds,
      ttlSeconds: input.ttlSeconds ?? DEFAULT_HOLD_SECONDS,
      idempotencyKey,
    });
  } catch (error) {
    const replay = idempotencyKey ? await findReplay(input.businessId, idempotencyKey, input.requestedSeconds) : null;
    if (replay) return replay;
    throw error;
  }
}

async function findReplay(businessId: string, idempotencyKey: string, requestedSeconds: number) {
  const earlier = await prisma.creditReservation.findUnique({ where: { businessId_idempotencyKey: { businessId, idempotencyKey } } });
  if (!earlier) return null;
  if (earlier.requestedSeconds !== requestedSeconds) {
    throw new ApiError("idempotency_conflict", "This Idempotency-Key was used for a job with other requestedSeconds.");
  }
  return { outcome: "replayed" as const, taskId: earlier.id, reservedCredits: earlier.credits, expiresAt: earlier.expiresAt };
}

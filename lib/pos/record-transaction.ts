import { ApiError } from "@/lib/api/errors";
import type { ApiKeyContext } from "@/lib/api-keys/verify-api-key";
import { plans } from "@/lib/billing/plans";
import { submitTransaction } from "@/lib/usage/transaction-batcher";
import { hasPosSubscriber } from "@/lib/webhooks-out/pos-subscribers";
import { posRequestHash } from "./request-hash";
import type { PosTransactionInput } from "./schemas";

export async function recordPosTransaction(key: ApiKeyContext, input: PosTransactionInput) {
  const row = {
    businessId: key.businessId,
    apiKeyId: key.keyId,
    reference: input.reference,
    requestHash: posRequestHash(input),
    amountCents: input.amount,
    currency: input.currency,
    type: input.type,
    terminalId: input.terminalId ?? null,
    metadata: input.metadata,
    customer: input.customer,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
    monthlyLimit: plans[key.plan].limits.transactionsPerMonth,
    notifyWebhooks: await hasPosSubscriber(key.businessId),
  };
  const result = await submitTransaction(row);
  if (result.outcome === "over_limit") {
    throw new ApiError(
      "plan_limit_reached",
      `Your ${plans[key.plan].name} plan allows ${result.limit.toLocaleString("en-US")} transactions a month. Upgrade to record more.`,
      { status: 402 },
    );
  }
  if (result.outcome === "conflict") {
    throw new ApiError(
      "idempotency_conflict",
      `reference "${input.reference}" was already used for a different transaction (event ${result.eventId}). Send a new reference for a new transaction, or resend the original unchanged.`,
    );
  }
  return result;
}

import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { paynowSettings } from "./config";
import { PaynowMessage } from "./message";
import { recordUnverifiedCallback, recordVerifiedCallback } from "./record-callback";
import { statusReportSchema } from "./schemas";
import { settlePaynowPayment, type SettleResult } from "./settle-payment";

export const MAX_CALLBACK_BYTES = 16 * 1024;

// Paynow's result-URL post: hash-verified over the exact message; a verified post is stored raw (an operator
// can always see what arrived), then settled. An unverified one only counts and joins a bounded sample.
export async function receivePaynowCallback(contentType: string | null, body: string): Promise<SettleResult> {
  const mediaType = contentType?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded") {
    throw new ApiError("unsupported_media_type", "Paynow results are posted as application/x-www-form-urlencoded.");
  }
  if (body.length > MAX_CALLBACK_BYTES) throw new ApiError("validation_failed", "body: larger than 16 KiB", { status: 400 });

  const settings = paynowSettings();
  const message = PaynowMessage.parse(body);
  const reference = message.get("reference")?.slice(0, 200) ?? null;
  if (!settings) {
    await recordUnverifiedCallback(body, reference, "not_configured");
    throw new ApiError("provider_not_configured", "Mobile money (Paynow) is not set up on this installation.");
  }
  if (!message.isSignedWith(settings.integrationKey)) {
    await recordUnverifiedCallback(body, reference, "bad_hash");
    throw new ApiError("invalid_signature", "The hash does not match this message.");
  }
  const callbackId = await recordVerifiedCallback(body, reference);
  return applyVerifiedCallback(callbackId, message);
}

// Settles what a verified callback reports and records the outcome on it. Used on arrival and when an
// operator re-applies a callback that failed to apply; settling is idempotent, so either is safe to repeat.
export async function applyVerifiedCallback(callbackId: string, message: PaynowMessage): Promise<SettleResult> {
  const record = (outcome: string, paymentId?: string) =>
    prisma.paynowCallback.update({ where: { id: callbackId }, data: { outcome, paymentId } });

  const fields = statusReportSchema.safeParse(message.toObject());
  if (!fields.success) {
    await record("malformed");
    throw new ApiError("validation_failed", "The message lacks reference, amount or status.", { status: 400 });
  }

  let result: SettleResult;
  try {
    result = await settlePaynowPayment({
      reference: fields.data.reference,
      paynowReference: fields.data.paynowreference,
      amount: fields.data.amount,
      status: fields.data.status,
      pollUrl: fields.data.pollurl,
    });
  } catch (error) {
    await record("error").catch(() => {});
    throw error;
  }
  if (result.outcome === "unknown_reference") console.warn(`paynow: callback ${callbackId} for unknown reference "${fields.data.reference}"`);
  await record(result.outcome, result.paymentId);
  return result;
}

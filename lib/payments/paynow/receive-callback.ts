import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { paynowSettings } from "./config";
import { PaynowMessage } from "./message";
import { statusReportSchema } from "./schemas";
import { settlePaynowPayment, type SettleResult } from "./settle-payment";

export const MAX_CALLBACK_BYTES = 16 * 1024;

// Paynow's result-URL post: stored raw first (verified or not) so an operator can always see what arrived,
// then hash-verified over the exact message, then settled. Anything unverified changes nothing else.
export async function receivePaynowCallback(contentType: string | null, body: string): Promise<SettleResult> {
  const mediaType = contentType?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded") {
    throw new ApiError("unsupported_media_type", "Paynow results are posted as application/x-www-form-urlencoded.");
  }
  if (body.length > MAX_CALLBACK_BYTES) throw new ApiError("validation_failed", "body: larger than 16 KiB", { status: 400 });

  const settings = paynowSettings();
  const message = PaynowMessage.parse(body);
  const verified = settings ? message.isSignedWith(settings.integrationKey) : false;
  const callback = await prisma.paynowCallback.create({
    data: { body, verified, reference: message.get("reference")?.slice(0, 200) ?? null },
  });
  const record = (outcome: string, paymentId?: string) =>
    prisma.paynowCallback.update({ where: { id: callback.id }, data: { outcome, paymentId } });

  if (!settings) {
    await record("not_configured");
    throw new ApiError("provider_not_configured", "Mobile money (Paynow) is not set up on this installation.");
  }
  if (!verified) {
    await record("bad_hash");
    throw new ApiError("invalid_signature", "The hash does not match this message.");
  }
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
  if (result.outcome === "unknown_reference") console.warn(`paynow: callback ${callback.id} for unknown reference "${fields.data.reference}"`);
  await record(result.outcome, result.paymentId);
  return result;
}

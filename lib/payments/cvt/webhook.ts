import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { ClaimLostError, claimWebhookEvent, failWebhookEvent, finishWebhookEvent } from "@/lib/webhooks/claim-event";
import { onCvtCharge } from "./events/on-charge";
import { onCvtSubscriptionCanceled, onCvtSubscriptionUpdated } from "./events/on-subscription";
import { cvtEventSchema } from "./events/schemas";
import { verifyCvtSignature } from "./webhook-signature";

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export interface CvtWebhookResult {
  eventId: string;
  outcome: string;
}

// Verified on the raw body before anything is written; each event id is recorded once (unique (provider,
// event id)) and all of its writes, with marking it processed, commit in one transaction.
export async function handleCvtWebhook(rawBody: string, signature: string | null, now = new Date()): Promise<CvtWebhookResult> {
  if (!env.CVT_WEBHOOK_SECRET) throw new ApiError("provider_not_configured", "CVT webhooks are not configured (CVT_WEBHOOK_SECRET).");
  verifyCvtSignature(rawBody, signature, env.CVT_WEBHOOK_SECRET);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ApiError("invalid_json", "The event is not valid JSON.");
  }
  const event = cvtEventSchema.parse(json);
  const claim = await claimWebhookEvent({ provider: "cvt", eventId: event.id, type: event.type, payload: event });
  if (claim.outcome === "in_progress") throw new ApiError("conflict", `Event ${event.id} is being processed; retry later.`);
  if (claim.outcome === "duplicate") return { eventId: event.id, outcome: "duplicate" };

  const eventAt = event.created ? new Date(event.created * 1000) : now;
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      let result: string;
      switch (event.type) {
        case "charge.succeeded":
        case "charge.failed":
          result = await onCvtCharge(tx, event, now);
          break;
        case "subscription.updated":
          result = await onCvtSubscriptionUpdated(tx, event, eventAt);
          break;
        case "subscription.canceled":
          result = await onCvtSubscriptionCanceled(tx, event, eventAt, now);
          break;
        default:
          result = "ignored";
      }
      await finishWebhookEvent(claim, result === "ignored" ? "ignored" : "processed", tx);
      return result;
    }, TX_OPTIONS);
    kickJobs();
    return { eventId: event.id, outcome };
  } catch (error) {
    if (error instanceof ClaimLostError) {
      throw new ApiError("conflict", `Event ${event.id} was taken over by a later delivery; this one changed nothing.`);
    }
    await failWebhookEvent(claim, error);
    throw error;
  }
}

import { z } from "zod";
import { prisma } from "@/lib/db";
import { PermanentJobError } from "@/lib/jobs/job-errors";
import type { JobContext, JobFailure } from "@/lib/jobs/job-kinds";
import { DestinationRefusedError } from "./destination";
import { disableEndpoint, FAILING_DAYS_BEFORE_DISABLE } from "./disable-endpoint";
import { postWebhook, type DeliveryResponse } from "./post-webhook";
import { signedHeaders, signingSecrets } from "./secret";

const payloadSchema = z.object({ deliveryId: z.string().min(1) });
const DAY_MS = 86_400_000;

// One attempt of one delivery (job kind webhook.deliver). Only a 2xx is a success; 410 Gone disables the
// endpoint; any other answer, a timeout or a refused connection is retried on the kind's schedule, and an
// endpoint that has been failing for 5 days is disabled and its owners are emailed.
export async function deliverWebhook(payload: unknown, ctx: JobContext): Promise<void> {
  const { deliveryId } = payloadSchema.parse(payload);
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery) throw new PermanentJobError(`Webhook delivery ${deliveryId} no longer exists`);
  if (delivery.status !== "pending") return;
  const { endpoint } = delivery;
  if (!endpoint.enabled) throw new PermanentJobError("The endpoint is disabled.");

  const body = JSON.stringify(delivery.payload);
  const headers = signedHeaders(signingSecrets(endpoint, ctx.now), delivery.eventId, ctx.now, body);
  let response: DeliveryResponse;
  try {
    response = await postWebhook(endpoint.url, headers, body);
  } catch (error) {
    const message = (error as Error).message;
    await recordAttempt(deliveryId, ctx, { lastError: message });
    if (error instanceof DestinationRefusedError) throw new PermanentJobError(message);
    await noteFailure(endpoint.id, ctx.now);
    throw new Error(message);
  }

  const ok = response.status >= 200 && response.status < 300;
  await recordAttempt(deliveryId, ctx, {
    responseStatus: response.status,
    responseBody: response.body,
    latencyMs: response.latencyMs,
    lastError: ok ? null : `The endpoint answered HTTP ${response.status}`,
    ...(ok ? { status: "succeeded" as const, deliveredAt: ctx.now, nextAttemptAt: null } : {}),
  });
  if (ok) {
    await prisma.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: { not: null } }, data: { failingSince: null } });
    return;
  }
  if (response.status === 410) {
    await disableEndpoint(endpoint.id, "The endpoint answered 410 Gone: it asked not to receive webhooks any more.", ctx.now);
    throw new PermanentJobError("The endpoint answered HTTP 410 Gone and was disabled.");
  }
  await noteFailure(endpoint.id, ctx.now);
  throw new Error(`The endpoint answered HTTP ${response.status}`);
}

type AttemptFields = Partial<{
  status: "succeeded";
  responseStatus: number;
  responseBody: string;
  latencyMs: number;
  lastError: string | null;
  deliveredAt: Date;
  nextAttemptAt: null;
}>;

function recordAttempt(deliveryId: string, ctx: JobContext, fields: AttemptFields) {
  return prisma.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts: ctx.attempt, lastAttemptAt: ctx.now, responseStatus: null, responseBody: null, latencyMs: null, ...fields },
  });
}

// Remembers since when the endpoint fails; past 5 days of failures it is disabled (once, conditionally).
async function noteFailure(endpointId: string, now: Date): Promise<void> {
  await prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: now } });
  const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { failingSince: true, enabled: true } });
  if (!endpoint?.enabled) throw new PermanentJobError("The endpoint was disabled meanwhile.");
  if (!endpoint.failingSince) return;
  if (now.getTime() - endpoint.failingSince.getTime() >= FAILING_DAYS_BEFORE_DISABLE * DAY_MS) {
    await disableEndpoint(endpointId, `Every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days.`, now);
    throw new PermanentJobError(`The endpoint failed for ${FAILING_DAYS_BEFORE_DISABLE} days and was disabled.`);
  }
}

// The job's failure hook: the delivery shows whether another attempt is coming, and when.
export async function recordDeliveryFailure(payload: unknown, failure: JobFailure): Promise<void> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return;
  await prisma.webhookDelivery.updateMany({
    where: { id: parsed.data.deliveryId, status: "pending" },
    data: {
      status: failure.nextRunAt ? "pending" : "failed",
      nextAttemptAt: failure.nextRunAt,
      lastError: failure.error.message.slice(0, 2000),
    },
  });
}

import * as endpointsRoute from "@/app/api/webhook-endpoints/route";
import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import type { WebhookReceiver } from "../fakes/webhook-receiver";
import { call } from "./http";

// Adds an endpoint through the route and tells the receiver its secret, so the receiver verifies signatures.
export async function addEndpoint(cookie: string, receiver: WebhookReceiver, path: string, events: string[]) {
  const res = await call(endpointsRoute.POST, "/api/webhook-endpoints", { cookie, body: { url: `${receiver.url}${path}`, events } });
  if (res.status !== 201) throw new Error(`endpoint create failed: ${res.status} ${JSON.stringify(res.json)}`);
  receiver.setSecret(path, res.json.secret);
  return { id: res.json.endpoint.id as string, secret: res.json.secret as string };
}

export function deliverDue(businessId: string, now?: Date) {
  return runDueJobs({ kinds: ["webhook.deliver"], businessId, ...(now ? { now: () => now } : {}) });
}

export function deliveriesOf(endpointId: string) {
  return prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

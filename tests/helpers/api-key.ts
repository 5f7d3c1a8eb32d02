import { prisma } from "@/lib/db";
import { forgetAllCachedApiKeys } from "@/lib/api-keys/verify-api-key";
import type { SubscriptionStatus, Plan } from "@/lib/generated/prisma/enums";
import { call, type CallOptions } from "./http";

type Handler = Parameters<typeof call>[0];

export function withKey(handler: Handler, path: string, key: string, options: CallOptions = {}) {
  return call(handler, path, { ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } });
}

export async function setSubscription(businessId: string, data: { status?: SubscriptionStatus; plan?: Plan }) {
  await prisma.subscription.update({ where: { businessId }, data });
  forgetAllCachedApiKeys();
}

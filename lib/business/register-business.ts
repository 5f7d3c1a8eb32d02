import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { insertApiKey } from "@/lib/api-keys/manage-api-keys";
import { posScopes } from "@/lib/api-keys/scopes";
import { encryptSecret } from "@/lib/crypto/encryption";
import { sha256Hex } from "@/lib/crypto/hash";
import { prisma } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import WelcomeEmail from "@/emails/welcome";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Plan, SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { CvtCustomer } from "@/lib/payments/cvt/verify-customer";
import type { RegisterBusinessInput } from "./schemas";
import { slugify, slugWithSuffix } from "./slug";

const SLUG_ATTEMPTS = 5;

export interface Registrant {
  userId: string;
  sessionId?: string;
  ipAddress?: string | null;
}

// Creates the business, its owner membership, its subscription and a first "Production" API key in one
// transaction, and makes it the session's active business. Slug and CVT-customer uniqueness are decided
// by unique indexes, not by a prior read.
export async function registerBusiness(owner: Registrant, input: RegisterBusinessInput, cvt?: CvtCustomer) {
  const base = slugify(input.businessName);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    const slug = attempt === 0 ? base : slugWithSuffix(base);
    try {
      const created = await prisma.$transaction((tx) => createEverything(tx, owner, input, slug, cvt));
      kickJobs();
      return created;
    } catch (error) {
      if (uniqueViolationOn(error, "cvtCustomerId") || uniqueViolationOn(error, "cvtApiKeyHash")) {
        throw new ApiError("conflict", "A business is already registered with this CVT account.");
      }
      if (!uniqueViolationOn(error, "slug")) throw error;
    }
  }
  throw new Error(`Could not find a free slug for "${input.businessName}"`);
}

async function createEverything(tx: Prisma.TransactionClient, owner: Registrant, input: RegisterBusinessInput, slug: string, cvt?: CvtCustomer) {
  const business = await tx.business.create({
    data: {
      id: randomUUID(),
      name: input.businessName,
      slug,
      contactEmail: input.email,
      ...(cvt && input.cvtApiKey
        ? { cvtCustomerId: cvt.id, cvtApiKeyEncrypted: encryptSecret(input.cvtApiKey), cvtApiKeyHash: sha256Hex(input.cvtApiKey) }
        : {}),
    },
    select: { id: true, name: true, slug: true },
  });
  await tx.member.create({ data: { id: randomUUID(), businessId: business.id, userId: owner.userId, role: "owner" } });
  await tx.subscription.create({ data: { businessId: business.id, ...subscriptionFromCvt(cvt) } });
  await tx.auditLog.create({
    data: {
      businessId: business.id,
      actorUserId: owner.userId,
      action: "business.registered",
      entityType: "business",
      entityId: business.id,
      ipAddress: owner.ipAddress,
      data: { cvtCustomerId: cvt?.id ?? null },
    },
  });
  const { key, apiKey } = await insertApiKey(tx, business.id, owner.userId, { name: "Production", scopes: posScopes, environment: "live" });
  await queueWelcomeEmail(tx, owner.userId, business);
  if (owner.sessionId) {
    await tx.session.update({ where: { id: owner.sessionId }, data: { activeBusinessId: business.id } });
  }
  return { business, key, apiKey };
}

// Queued with the business itself: it exists exactly when the business does.
async function queueWelcomeEmail(tx: Prisma.TransactionClient, userId: string, business: { id: string; name: string }) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const link = (path: string) => new URL(path, env.APP_URL).toString();
  await queueEmail(tx, {
    template: "welcome",
    to: user.email,
    subject: `Welcome to Tangabiz: ${business.name} is ready`,
    businessId: business.id,
    body: WelcomeEmail({
      name: user.name,
      businessName: business.name,
      registeredAt: new Date(),
      dashboardUrl: link("/dashboard"),
      apiKeysUrl: link("/dashboard/api-keys"),
      billingUrl: link("/dashboard/billing"),
      docsUrl: link("/docs/api"),
    }),
  });
}

const cvtPlans: Record<string, Plan> = { free: "free", basic: "basic", pro: "pro", enterprise: "enterprise" };
const cvtStatuses: Record<string, SubscriptionStatus> = {
  trialing: "trialing",
  active: "active",
  past_due: "past_due",
  canceled: "canceled",
  cancelled: "canceled",
  suspended: "suspended",
};

// A CVT customer brings its plan and status along; anyone else starts on the free plan.
function subscriptionFromCvt(cvt?: CvtCustomer): Omit<Prisma.SubscriptionUncheckedCreateInput, "businessId"> {
  if (!cvt) return { plan: "free", status: "active", provider: "none" };
  const trialEnd = cvt.trialEndsAt ? new Date(cvt.trialEndsAt) : undefined;
  return {
    plan: cvtPlans[cvt.subscription?.plan.toLowerCase() ?? ""] ?? "free",
    status: cvtStatuses[cvt.subscription?.status.toLowerCase() ?? ""] ?? (trialEnd ? "trialing" : "active"),
    provider: "cvt",
    currentPeriodEnd: trialEnd,
  };
}

function uniqueViolationOn(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

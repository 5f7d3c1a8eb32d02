import { businessesSubscribedTo } from "@/lib/webhooks-out/emit-event";
import { emitInvoiceEvent } from "@/lib/webhooks-out/emit-billing-events";
import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Plan } from "@/lib/generated/prisma/enums";
import { queueRenderedEmails, type RenderedEmail } from "@/lib/email/queue-email";
import { enqueueJobs, type NewJob } from "@/lib/jobs/enqueue-job";
import { addMonthsUtc } from "./billing-period";
import { DAY_MS } from "./billing-run-settings";
import { allocateInvoiceNumbers } from "./invoice-number";
import { plans } from "./plans";
import { billingRecipients, renderBillingNotice } from "./queue-billing-notice";

export interface RenewalCandidate {
  subscriptionId: string;
  businessId: string;
  plan: Plan;
  provider: "paynow" | "cvt" | "none";
  currentPeriodEnd: Date;
  billingCurrency: string;
  renewalWalletPhone: string | null;
  cvtCustomerId: string | null;
}

export interface OpenedInvoice {
  id: string;
  subscriptionId: string;
  businessId: string;
  chargedByCvt: boolean;
}

const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
const WALLET_PUSH_DAYS_BEFORE_DUE = 3;

// Subscriptions Tangabiz bills itself (never Stripe's, never free, never ones cancelled at period end) whose
// period ends before `horizon` and whose next period has no invoice yet, in id order after `cursor`.
export async function findDueSubscriptions(horizon: Date, cursor: string, limit: number, businessIds?: string[]): Promise<RenewalCandidate[]> {
  const scope = businessIds ? Prisma.sql`AND s."businessId" = ANY(${businessIds})` : Prisma.empty;
  return prisma.$queryRaw<RenewalCandidate[]>`
    SELECT s.id AS "subscriptionId", s."businessId", s.plan::text AS plan, s.provider::text AS provider,
           s."currentPeriodEnd", s."billingCurrency", s."renewalWalletPhone", b."cvtCustomerId"
    FROM "Subscription" s JOIN "Business" b ON b.id = s."businessId"
    WHERE s.plan <> 'free' AND s.provider IN ('paynow', 'cvt', 'none') AND s."cancelAtPeriodEnd" = false
      AND s.status <> 'canceled' AND s."currentPeriodEnd" IS NOT NULL AND s."currentPeriodEnd" <= ${horizon}
      AND s.id > ${cursor} ${scope}
      AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."subscriptionId" = s.id AND i."periodStart" = s."currentPeriodEnd")
    ORDER BY s.id
    LIMIT ${limit}`;
}

// Opens the next period's invoice for each candidate in one transaction: the unique (subscription, period
// start) decides (INSERT … ON CONFLICT DO NOTHING), so a concurrent or repeated run inserts nothing twice.
// Numbers are handed out only to the rows actually inserted; the "invoice issued" email, the CVT charge and
// the wallet push are queued in the same transaction, so they exist exactly when the invoice does.
export async function openRenewalInvoices(
  candidates: RenewalCandidate[],
  now: Date,
  beforeCommit?: () => void,
): Promise<{ opened: OpenedInvoice[]; skipped: number }> {
  const rows = candidates.map((c) => {
    const plan = plans[c.plan];
    const amount = plan.prices[c.billingCurrency as keyof typeof plan.prices];
    if (!amount) throw new Error(`plan ${c.plan} has no price in ${c.billingCurrency}`);
    const periodEnd = addMonthsUtc(c.currentPeriodEnd, 1);
    return {
      id: randomUUID(),
      candidate: c,
      amount,
      lines: JSON.stringify([{ description: `Tangabiz ${plan.name} plan, 1 month`, quantity: 1, unitAmountCents: amount, amountCents: amount }]),
      periodEnd,
      token: randomBytes(32).toString("base64url"),
      provider: c.provider === "cvt" ? "cvt" : "paynow",
    };
  });

  return prisma.$transaction(async (tx) => {
    const col = <T,>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Invoice" ("id", "businessId", "number", "provider", "status", "currency", "subtotalCents", "totalCents",
        "amountDueCents", "lines", "plan", "periodStart", "periodEnd", "dueAt", "issuedAt", "paymentToken", "subscriptionId",
        "createdAt", "updatedAt")
      SELECT v.id, v.business_id, 'pending:' || v.id, v.provider::"PaymentProviderName", 'open', v.currency, v.amount, v.amount,
        v.amount, v.lines::jsonb, v.plan::"Plan", v.period_start::timestamptz, v.period_end::timestamptz, v.period_start::timestamptz,
        ${now}, v.token, v.subscription_id, ${now}, ${now}
      FROM unnest(${col((r) => r.id)}::text[], ${col((r) => r.candidate.businessId)}::text[], ${col((r) => r.provider)}::text[],
        ${col((r) => r.candidate.billingCurrency)}::text[], ${col((r) => r.amount)}::int[], ${col((r) => r.lines)}::text[],
        ${col((r) => r.candidate.plan)}::text[], ${col((r) => r.candidate.currentPeriodEnd.toISOString())}::text[],
        ${col((r) => r.periodEnd.toISOString())}::text[], ${col((r) => r.token)}::text[], ${col((r) => r.candidate.subscriptionId)}::text[])
        AS v(id, business_id, provider, currency, amount, lines, plan, period_start, period_end, token, subscription_id)
      WHERE NOT EXISTS (
        SELECT 1 FROM "Invoice" o
        WHERE o."businessId" = v.business_id AND o."periodStart" = v.period_start::timestamptz AND o.status IN ('open', 'paid'))
      ON CONFLICT ("subscriptionId", "periodStart") DO NOTHING
      RETURNING id`;
    const insertedIds = new Set(inserted.map((row) => row.id));
    const mine = rows.filter((row) => insertedIds.has(row.id));
    const numbers = await allocateInvoiceNumbers(tx, now, mine.length);
    if (mine.length > 0) {
      await tx.$executeRaw`
        UPDATE "Invoice" i SET "number" = v.number
        FROM unnest(${mine.map((r) => r.id)}::text[], ${numbers}::text[]) AS v(id, number)
        WHERE i.id = v.id`;
    }

    const businessIds = [...new Set(mine.map((r) => r.candidate.businessId))];
    const recipients = await billingRecipients(tx, businessIds);
    // One query per batch for invoice.created subscribers, so businesses without webhooks cost nothing more.
    const subscribed = await businessesSubscribedTo(tx, businessIds, "invoice.created");
    const opened: OpenedInvoice[] = [];
    const emails: RenderedEmail[] = [];
    const jobs: NewJob[] = [];
    for (const [index, row] of mine.entries()) {
      const c = row.candidate;
      const chargedByCvt = row.provider === "cvt" && c.cvtCustomerId !== null;
      const invoice = {
        id: row.id,
        businessId: c.businessId,
        number: numbers[index],
        currency: c.billingCurrency,
        amountDueCents: row.amount,
        plan: c.plan,
        dueAt: c.currentPeriodEnd,
        paymentToken: row.token,
        provider: row.provider as "cvt" | "paynow",
      };
      const email = await renderBillingNotice("invoice-issued", invoice, recipients.get(c.businessId) ?? { businessName: "", to: null }, now);
      if (email) emails.push(email);
      if (chargedByCvt) {
        jobs.push({ kind: "cvt.charge", payload: { invoiceId: row.id }, businessId: c.businessId, runAt: now, dedupeKey: `cvt.charge:${row.id}` });
      } else if (c.renewalWalletPhone) {
        const pushAt = new Date(Math.max(now.getTime(), c.currentPeriodEnd.getTime() - WALLET_PUSH_DAYS_BEFORE_DUE * DAY_MS));
        jobs.push({
          kind: "paynow.renewal-push",
          payload: { invoiceId: row.id },
          businessId: c.businessId,
          runAt: pushAt,
          dedupeKey: `paynow.renewal-push:${row.id}`,
        });
      }
      if (subscribed.has(c.businessId)) await emitInvoiceEvent(tx, row.id, "invoice.created");
      opened.push({ id: row.id, subscriptionId: c.subscriptionId, businessId: c.businessId, chargedByCvt });
    }
    // One multi-row INSERT each for the batch's emails (and their send jobs) and its charge / wallet-push jobs.
    await queueRenderedEmails(tx, emails);
    await enqueueJobs(tx, jobs);
    beforeCommit?.();
    return { opened, skipped: candidates.length - mine.length };
  }, TX_OPTIONS);
}

import { prisma } from "@/lib/db";
import { emitInvoiceEvent, emitSubscriptionUpdated } from "@/lib/webhooks-out/emit-billing-events";
import type { Invoice } from "@/lib/generated/prisma/client";
import { DAY_MS } from "./billing-run-settings";
import { dueDunningSteps, dunningSchedule } from "./dunning-schedule";
import { billingRecipient, queueBillingNotice } from "./queue-billing-notice";

export interface RunDunningOptions {
  now?: Date;
  budgetMs?: number;
  batchSize?: number;
  // Only these businesses (tests that share a database).
  businessIds?: string[];
}

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };
const firstStepDays = Math.min(...dunningSchedule.map((step) => step.daysFromDue));

// Walks every open renewal invoice whose dunning has started and takes each step whose day has come, once:
// the unique (invoice, step) decides, so two runs at once or the same day run twice repeat nothing.
export async function runDunning({ now = new Date(), budgetMs = 50_000, batchSize = 100, businessIds }: RunDunningOptions = {}) {
  const started = Date.now();
  const counts = { invoices: 0, steps: 0, emails: 0, pastDue: 0, suspended: 0, errors: 0 };
  let cursor = "";
  while (Date.now() - started < budgetMs) {
    const invoices = await prisma.invoice.findMany({
      where: {
        status: "open",
        subscriptionId: { not: null },
        ...(businessIds ? { businessId: { in: businessIds } } : {}),
        dueAt: { lte: new Date(now.getTime() - firstStepDays * DAY_MS) },
        id: { gt: cursor },
        dunningSteps: { none: { step: "suspension" } },
      },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (invoices.length === 0) return { completed: true, ...counts };
    for (const invoice of invoices) {
      counts.invoices += 1;
      try {
        const done = await takeDueSteps(invoice, now);
        counts.steps += done.steps;
        counts.emails += done.emails;
        counts.pastDue += done.pastDue;
        counts.suspended += done.suspended;
      } catch (error) {
        counts.errors += 1;
        console.error(`dunning: invoice ${invoice.id} failed:`, (error as Error).message);
      }
    }
    cursor = invoices[invoices.length - 1].id;
  }
  return { completed: false, ...counts };
}

async function takeDueSteps(invoice: Invoice, now: Date) {
  const done = { steps: 0, emails: 0, pastDue: 0, suspended: 0 };
  const steps = dueDunningSteps({ dueAt: invoice.dueAt!, issuedAt: invoice.issuedAt }, now);
  if (steps.length === 0) return done;
  await prisma.$transaction(async (tx) => {
    // Locked so a payment settling this invoice right now either happened before (we see it paid and stop)
    // or waits for us and then reactivates the subscription.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Invoice" WHERE id = ${invoice.id} FOR UPDATE`;
    if (locked?.status !== "open") return;
    const recipient = await billingRecipient(tx, invoice.businessId);
    for (const step of steps) {
      const created = await tx.dunningStep.createMany({
        data: [{ invoiceId: invoice.id, businessId: invoice.businessId, step: step.step, emailed: step.sendEmail, at: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) continue;
      done.steps += 1;
      if (step.subscriptionStatus) {
        // Only while the invoice's period is still unpaid (the subscription has not been extended past it).
        const changed = await tx.subscription.updateMany({
          where: {
            id: invoice.subscriptionId!,
            currentPeriodEnd: { lte: invoice.periodStart! },
            status: { in: step.subscriptionStatus === "suspended" ? ["active", "trialing", "past_due"] : ["active", "trialing"] },
          },
          data: { status: step.subscriptionStatus },
        });
        if (changed.count && step.subscriptionStatus === "past_due") done.pastDue += 1;
        if (changed.count && step.subscriptionStatus === "suspended") done.suspended += 1;
        if (changed.count) await emitSubscriptionUpdated(tx, invoice.businessId, null);
      }
      if (step.step === "overdue") await emitInvoiceEvent(tx, invoice.id, "invoice.overdue");
      if (step.sendEmail && step.email) {
        const queued = await queueBillingNotice(tx, step.email, invoice, recipient, now);
        if (queued) done.emails += 1;
      }
    }
  }, TX_OPTIONS);
  return done;
}

import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { dunningSchedule, dunningStepAt } from "./dunning-schedule";

export type TimelineStepName = "issued" | "reminded" | "overdue" | "warned" | "suspended" | "paid";

export interface TimelineStep {
  name: TimelineStepName;
  label: string;
  // When it happened, or (for steps still ahead) when it will.
  at: string | null;
  state: "done" | "skipped" | "upcoming";
}

export interface InvoiceTimeline {
  invoiceId: string;
  number: string;
  amount: string;
  status: string;
  dueAt: string;
  paidAt: string | null;
  payUrl: string | null;
  steps: TimelineStep[];
}

const labels: Record<TimelineStepName, string> = {
  issued: "Issued",
  reminded: "Reminded",
  overdue: "Overdue",
  warned: "Final warning",
  suspended: "Suspended",
  paid: "Paid",
};
const fromDunning: Partial<Record<string, TimelineStepName>> = {
  reminder: "reminded",
  overdue: "overdue",
  final_warning: "warned",
  suspension: "suspended",
};

// Where the newest renewal invoice stands: issued, reminded, overdue, warned, suspended, paid.
export async function getInvoiceTimeline(businessId: string): Promise<InvoiceTimeline | null> {
  const invoice = await prisma.invoice.findFirst({
    where: { businessId, subscriptionId: { not: null }, status: { in: ["open", "paid"] } },
    orderBy: [{ periodStart: "desc" }],
    include: { dunningSteps: true },
  });
  if (!invoice?.dueAt) return null;
  const taken = new Map(invoice.dunningSteps.map((step) => [step.step, step.at]));
  const steps: TimelineStep[] = [{ name: "issued", label: labels.issued, at: (invoice.issuedAt ?? invoice.createdAt).toISOString(), state: "done" }];
  for (const definition of dunningSchedule) {
    const name = fromDunning[definition.step];
    if (!name) continue;
    const at = taken.get(definition.step);
    if (at) steps.push({ name, label: labels[name], at: at.toISOString(), state: "done" });
    else if (invoice.status === "paid") steps.push({ name, label: labels[name], at: null, state: "skipped" });
    else steps.push({ name, label: labels[name], at: dunningStepAt(invoice.dueAt, definition).toISOString(), state: "upcoming" });
  }
  steps.push({ name: "paid", label: labels.paid, at: invoice.paidAt?.toISOString() ?? null, state: invoice.status === "paid" ? "done" : "upcoming" });
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    amount: formatMoney(invoice.totalCents, invoice.currency),
    status: invoice.status,
    dueAt: invoice.dueAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    payUrl: invoice.status === "open" && invoice.paymentToken ? `/pay/${invoice.paymentToken}` : null,
    steps,
  };
}

// The pay link of the invoice a past-due or suspended business should pay (the oldest open one of ours).
export async function findPayLinkToSettle(businessId: string): Promise<string | null> {
  const invoice = await prisma.invoice.findFirst({
    where: { businessId, status: "open", provider: { in: ["paynow", "cvt", "none"] }, paymentToken: { not: null } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: { paymentToken: true },
  });
  return invoice?.paymentToken ? `/pay/${invoice.paymentToken}` : null;
}

// The one place the dunning schedule lives: what happens to an unpaid renewal invoice, and when, counted
// from its due date. Each step happens once per invoice (unique (invoice, step) in DunningStep).
export type DunningStepName = "reminder" | "past_due" | "overdue" | "final_warning" | "suspension";

export interface DunningStepDefinition {
  step: DunningStepName;
  daysFromDue: number;
  // The email it sends, if any.
  email: "payment-reminder" | "overdue-notice" | "final-warning" | "suspension-notice" | null;
  // What it does to the subscription.
  subscriptionStatus: "past_due" | "suspended" | null;
}

export const dunningSchedule: readonly DunningStepDefinition[] = [
  { step: "reminder", daysFromDue: -3, email: "payment-reminder", subscriptionStatus: null },
  { step: "past_due", daysFromDue: 0, email: null, subscriptionStatus: "past_due" },
  { step: "overdue", daysFromDue: 1, email: "overdue-notice", subscriptionStatus: "past_due" },
  { step: "final_warning", daysFromDue: 7, email: "final-warning", subscriptionStatus: "past_due" },
  { step: "suspension", daysFromDue: 14, email: "suspension-notice", subscriptionStatus: "suspended" },
];

const DAY_MS = 86_400_000;

export function dunningStepAt(dueAt: Date, step: DunningStepDefinition): Date {
  return new Date(dueAt.getTime() + step.daysFromDue * DAY_MS);
}

export function suspensionDate(dueAt: Date): Date {
  return dunningStepAt(dueAt, dunningSchedule.find((s) => s.step === "suspension")!);
}

// The steps whose time has come, in order. A reminder is not emailed when the invoice itself went out less
// than a day before (the "invoice issued" email already said the same thing).
export function dueDunningSteps(invoice: { dueAt: Date; issuedAt: Date | null }, now: Date) {
  const due = dunningSchedule.filter((step) => dunningStepAt(invoice.dueAt, step) <= now);
  return due.map((step, index) => {
    const superseded = due.slice(index + 1).some((later) => later.email !== null);
    const justIssued = step.step === "reminder" && invoice.issuedAt !== null && now.getTime() - invoice.issuedAt.getTime() < DAY_MS;
    return { ...step, sendEmail: step.email !== null && !superseded && !justIssued };
  });
}

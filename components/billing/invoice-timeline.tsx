import { Check, Circle, Minus } from "lucide-react";
import { StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { InvoiceTimeline as Timeline } from "@/lib/billing/invoice-timeline";
import { formatDate, formatDateTime } from "@/lib/format";

const tone: Record<string, string> = {
  reminded: "text-amber-700",
  overdue: "text-amber-700",
  warned: "text-red-700",
  suspended: "text-red-700",
  paid: "text-green-700",
  issued: "text-zinc-900",
};

// Where the current renewal invoice stands, as a small timeline (issued → … → paid).
export function InvoiceTimeline({ timeline, canPay }: { timeline: Timeline; canPay: boolean }) {
  return (
    <Card>
      <CardHeader
        title={`Renewal ${timeline.number}`}
        description={
          timeline.paidAt
            ? `${timeline.amount}, due ${formatDateTime(timeline.dueAt)}, paid ${formatDateTime(timeline.paidAt)}.`
            : `${timeline.amount}, due ${formatDateTime(timeline.dueAt)}. Reminders and suspension follow this schedule until it is paid.`
        }
        action={<StatusBadge status={timeline.status} />}
      />
      <ol aria-label={`Where invoice ${timeline.number} stands`} className="grid gap-3 px-5 py-4 sm:grid-cols-6">
        {timeline.steps.map((step) => (
          <li key={step.name} data-step={step.name} data-state={step.state} className="flex items-start gap-2 sm:flex-col sm:gap-1">
            <span
              aria-hidden
              className={cn(
                "flex size-6 shrink-0 items-center justify-center rounded-full border",
                step.state === "done" ? "border-transparent bg-indigo-600 text-white" : "border-zinc-300 bg-white text-zinc-400",
              )}
            >
              {step.state === "done" ? <Check className="size-3.5" /> : step.state === "skipped" ? <Minus className="size-3.5" /> : <Circle className="size-2" />}
            </span>
            <span className="min-w-0 text-sm">
              <span className={cn("block font-medium", step.state === "done" ? tone[step.name] : "text-zinc-500")}>{step.label}</span>
              <span className="block text-xs text-zinc-500">
                {step.state === "done" && step.at ? formatDate(step.at) : step.state === "upcoming" && step.at ? `from ${formatDate(step.at)}` : step.state === "skipped" ? "not needed" : "—"}
                <span className="sr-only"> ({step.state})</span>
              </span>
            </span>
          </li>
        ))}
      </ol>
      {timeline.payUrl && canPay && (
        <div className="border-t border-zinc-200 px-5 py-3">
          <a href={timeline.payUrl} className={buttonClasses({ size: "sm" })}>
            Pay {timeline.amount} now
          </a>
        </div>
      )}
    </Card>
  );
}

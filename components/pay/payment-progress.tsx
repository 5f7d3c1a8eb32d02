import { Check, CircleCheck, LoaderCircle } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { PaymentView } from "@/lib/payments/paynow/schemas";
import { InnbucksCode } from "./innbucks-code";
import { methodName } from "./methods";

type StepState = "done" | "current" | "todo";

function Step({ state, title, children }: { state: StepState; title: string; children?: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        className={cn(
          "mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full border-2",
          state === "done" && "border-green-600 bg-green-600 text-white",
          state === "current" && "border-accent-600 text-accent-600",
          state === "todo" && "border-zinc-300 text-zinc-300",
        )}
        aria-hidden="true"
      >
        {state === "done" ? <Check className="size-4" /> : state === "current" ? <LoaderCircle className="size-4 animate-spin" /> : null}
      </span>
      <div className="min-w-0 pb-5">
        <p className={cn("font-medium", state === "todo" ? "text-zinc-500" : "text-zinc-900")}>
          {title}
          <span className="sr-only"> ({state === "done" ? "done" : state === "current" ? "in progress" : "not yet"})</span>
        </p>
        {children}
      </div>
    </li>
  );
}

export interface WaitingProps {
  payment: PaymentView;
  cancelling: boolean;
  onCancel: () => void;
}

// What the payer does next, step by step; the page polls and moves on by itself.
export function Waiting({ payment, cancelling, onCancel }: WaitingProps) {
  const wallet = methodName(payment.method);
  const title =
    payment.method === "card"
      ? "Finish paying on Paynow"
      : payment.method === "innbucks"
        ? "Approve in the InnBucks app"
        : "Approve on your phone";
  return (
    <section aria-labelledby="waiting-title" className="space-y-5">
      <h2 id="waiting-title" className="text-xl font-semibold text-zinc-900">
        {title}
      </h2>
      <ol className="text-sm">
        <Step state="done" title={`Request sent to ${wallet}`} />
        <Step state="current" title={title}>
          {payment.innbucks ? (
            <div className="mt-3">
              <InnbucksCode {...payment.innbucks} />
            </div>
          ) : payment.method === "card" ? (
            <p className="mt-1 text-zinc-600">We are waiting for Paynow to confirm your card payment.</p>
          ) : (
            <p className="mt-1 text-zinc-600">
              {payment.instructions ?? `Check your phone and enter your ${wallet} PIN.`} Keep this page open.
            </p>
          )}
        </Step>
        <Step state="todo" title="Paid" />
      </ol>
      <p role="status" aria-live="polite" className="text-center text-xs text-zinc-500">
        This page updates by itself.
      </p>
      <div className="flex flex-col gap-2">
        {payment.method === "card" && payment.redirectUrl && (
          <a href={payment.redirectUrl} className={buttonClasses({ size: "lg", className: "w-full" })}>
            Open Paynow checkout
          </a>
        )}
        <Button type="button" variant="ghost" loading={cancelling} onClick={onCancel} className="w-full">
          Use another method
        </Button>
      </div>
    </section>
  );
}

export function Paid({ amountLabel, invoiceNumber, businessName }: { amountLabel: string; invoiceNumber: string; businessName: string }) {
  return (
    <section aria-labelledby="paid-title" role="status" className="space-y-3 py-4 text-center">
      <CircleCheck aria-hidden="true" className="mx-auto size-16 text-green-600" />
      <h2 id="paid-title" className="text-2xl font-semibold text-zinc-900">
        Paid
      </h2>
      <p className="text-zinc-700">
        {amountLabel} received for invoice {invoiceNumber}. Thank you — {businessName} gets a receipt by email.
      </p>
    </section>
  );
}

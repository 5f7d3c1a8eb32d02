"use client";
import { Check } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import { useBillingActions } from "./use-billing-actions";
import { useOpenPaynowInvoice } from "./use-open-paynow-invoice";

export interface PlanOption {
  id: string;
  name: string;
  price: string;
  priceCents: number;
  features: string[];
  // A paid plan without a Stripe price id cannot be bought by card here.
  cardAvailable: boolean;
}

interface PlanPickerProps {
  plans: PlanOption[];
  currentPlan: string;
  canManage: boolean;
  cardConfigured: boolean;
  mobileMoneyConfigured: boolean;
  hasCardSubscription: boolean;
  cancelAtPeriodEnd: boolean;
  periodEndLabel: string | null;
}

type Choice = { plan: PlanOption; kind: "checkout" | "change" | "cancel"; upgrade: boolean; idempotencyKey: string };

export function PlanPicker(props: PlanPickerProps) {
  const { plans, currentPlan, canManage, cardConfigured, mobileMoneyConfigured, hasCardSubscription, cancelAtPeriodEnd, periodEndLabel } = props;
  const actions = useBillingActions();
  const paynowInvoice = useOpenPaynowInvoice();
  const [choice, setChoice] = useState<Choice | null>(null);
  const current = plans.find((p) => p.id === currentPlan) ?? plans[0];
  const rank = (plan: PlanOption) => plans.indexOf(plan);

  function choose(plan: PlanOption) {
    const kind = plan.id === "free" ? "cancel" : hasCardSubscription ? "change" : "checkout";
    setChoice({ plan, kind, upgrade: rank(plan) > rank(current), idempotencyKey: crypto.randomUUID() });
  }

  function buttonFor(plan: PlanOption) {
    if (plan.id === currentPlan) return <Button variant="secondary" disabled className="w-full">Current plan</Button>;
    if (!canManage) return null;
    if (plan.id === "free") {
      if (!hasCardSubscription) return null;
      if (cancelAtPeriodEnd) return <p className="text-center text-xs text-zinc-600">Moves to Free on {periodEndLabel}</p>;
      return <Button variant="secondary" className="w-full" onClick={() => choose(plan)}>Downgrade to Free</Button>;
    }
    const upgrade = rank(plan) > rank(current);
    const label = `${upgrade ? "Upgrade" : "Switch"} to ${plan.name}`;
    if (!cardConfigured || !plan.cardAvailable) {
      // Without card payments the plan is bought through a mobile-money invoice; with neither, the notices above say why.
      if (!mobileMoneyConfigured || hasCardSubscription) {
        return (
          <Button variant={upgrade ? "primary" : "secondary"} disabled className="w-full" aria-describedby="card-off mobile-money-off card-partial">
            {label}
          </Button>
        );
      }
      return (
        <div className="space-y-1.5">
          <Button
            variant={upgrade ? "primary" : "secondary"}
            className="w-full"
            loading={paynowInvoice.busyPlan === plan.id}
            disabled={paynowInvoice.busyPlan !== null}
            onClick={() => paynowInvoice.open(plan.id)}
          >
            {label}
          </Button>
          <p className="text-center text-xs text-zinc-600">Pay with EcoCash, OneMoney or InnBucks</p>
        </div>
      );
    }
    return (
      <Button variant={upgrade ? "primary" : "secondary"} className="w-full" onClick={() => choose(plan)}>
        {label}
      </Button>
    );
  }

  async function confirm() {
    if (!choice) return;
    if (choice.kind === "cancel") await actions.cancel(periodEndLabel ?? "the end of the period");
    else await actions.choosePlan(choice.plan.id, choice.plan.name, choice.idempotencyKey);
  }

  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="Plans">
        {plans.map((plan) => {
          const isCurrent = plan.id === currentPlan;
          return (
            <li key={plan.id}>
              <Card className={cn("flex h-full flex-col p-5", isCurrent && "ring-2 ring-accent-600")} aria-current={isCurrent || undefined}>
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-base font-semibold text-zinc-900">{plan.name}</h3>
                  {isCurrent && <span className="rounded-md bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-700">Your plan</span>}
                </div>
                <p className="mt-2 text-2xl font-semibold tabular-nums">
                  {plan.price}
                  <span className="text-sm font-normal text-zinc-500"> / month</span>
                </p>
                <ul className="mt-4 flex-1 space-y-2 text-sm text-zinc-700">
                  {plan.features.map((feature) => (
                    <li key={feature} className="flex gap-2">
                      <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-600" />
                      {feature}
                    </li>
                  ))}
                </ul>
                <div className="mt-5">{buttonFor(plan)}</div>
              </Card>
            </li>
          );
        })}
      </ul>

      <ConfirmDialog
        open={choice !== null}
        onOpenChange={(open) => !open && setChoice(null)}
        title={choice ? dialogTitle(choice, current) : ""}
        description={choice ? dialogText(choice, current, periodEndLabel) : ""}
        confirmLabel={choice?.kind === "cancel" ? "Cancel subscription" : choice?.kind === "change" ? `${choice.upgrade ? "Upgrade" : "Switch"} to ${choice.plan.name}` : "Continue to payment"}
        cancelLabel={choice?.kind === "cancel" ? "Keep my plan" : "Not now"}
        tone={choice?.kind === "cancel" ? "danger" : "primary"}
        onConfirm={confirm}
      />
    </>
  );
}

function dialogTitle(choice: Choice, current: PlanOption) {
  if (choice.kind === "cancel") return `Cancel your ${current.name} subscription?`;
  return `${choice.upgrade ? "Upgrade" : "Switch"} to ${choice.plan.name}?`;
}

function dialogText(choice: Choice, current: PlanOption, periodEndLabel: string | null) {
  const { plan } = choice;
  if (choice.kind === "cancel") {
    return `You keep ${current.name} until ${periodEndLabel ?? "the end of the paid period"}; then this business moves to the Free plan (${plan.features.slice(0, 3).join(", ").toLowerCase()}). You can resume before then.`;
  }
  if (choice.kind === "checkout") {
    return `You'll pay ${plan.price} a month by card on Stripe's secure checkout page, then come back here. Cancel any time; you keep the plan until the end of the paid month.`;
  }
  return `Your subscription changes at once from ${current.name} (${current.price}/month) to ${plan.name} (${plan.price}/month). Stripe ${
    plan.priceCents > current.priceCents ? "charges" : "credits"
  } the difference for the rest of this period on your next invoice.`;
}

import { CreditCard } from "lucide-react";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SubscriptionActions } from "./subscription-actions";

interface CurrentPlanCardProps {
  planName: string;
  price: string;
  status: string;
  provider: string;
  isFree: boolean;
  cancelAtPeriodEnd: boolean;
  periodEndLabel: string | null;
  canManage: boolean;
  cardConfigured: boolean;
}

function renewalLine({ isFree, status, cancelAtPeriodEnd, periodEndLabel, provider }: CurrentPlanCardProps) {
  if (isFree) return "Free forever. Upgrade below when you need more keys, terminals or transactions.";
  if (cancelAtPeriodEnd) return `Cancels on ${periodEndLabel ?? "the end of the period"}. You keep every feature until then, then move to Free.`;
  if (status === "past_due") return "The last payment failed. Stripe retries the card; pay the open invoice below or update the card.";
  if (provider === "stripe" && periodEndLabel) return `Renews on ${periodEndLabel}.`;
  return periodEndLabel ? `Paid until ${periodEndLabel}.` : "";
}

export function CurrentPlanCard(props: CurrentPlanCardProps) {
  const { planName, price, status, provider, isFree, cancelAtPeriodEnd, periodEndLabel, canManage, cardConfigured } = props;
  return (
    <Card role="region" aria-label="Current plan">
      <CardHeader title="Current plan" />
      <CardBody className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-2xl font-semibold tracking-tight">{planName}</span>
          <StatusBadge status={status} />
          {cancelAtPeriodEnd && <Badge tone="amber">Cancels {periodEndLabel}</Badge>}
        </div>
        <p className="text-sm text-zinc-700">
          {!isFree && <span className="font-medium tabular-nums">{price} / month · </span>}
          {renewalLine(props)}
        </p>
        {provider === "stripe" && (
          <p className="flex items-center gap-2 text-sm text-zinc-600">
            <CreditCard aria-hidden className="size-4" /> Paid by card through Stripe
          </p>
        )}
        {canManage && !isFree && (provider !== "stripe" || cardConfigured) && (
          <SubscriptionActions planName={planName} price={price} cancelAtPeriodEnd={cancelAtPeriodEnd} periodEndLabel={periodEndLabel} byCard={provider === "stripe"} />
        )}
        {canManage && isFree && (
          <a href="#plans" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Compare plans
          </a>
        )}
        {!canManage && <p className="text-sm text-zinc-600">Only owners can change the plan or the card.</p>}
      </CardBody>
    </Card>
  );
}

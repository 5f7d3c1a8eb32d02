"use client";
import { ExternalLink } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useBillingActions } from "./use-billing-actions";

interface SubscriptionActionsProps {
  planName: string;
  price: string;
  cancelAtPeriodEnd: boolean;
  periodEndLabel: string | null;
  // Paid by card through Stripe (its billing portal updates the card); otherwise billed by Tangabiz's own
  // invoices (mobile money, CVT).
  byCard: boolean;
}

// Owner-only controls of a paid subscription: cancel at period end or undo it, and for a card Stripe's billing portal.
export function SubscriptionActions({ planName, price, cancelAtPeriodEnd, periodEndLabel, byCard }: SubscriptionActionsProps) {
  const actions = useBillingActions();
  const [confirming, setConfirming] = useState<"cancel" | "resume" | null>(null);
  const [openingPortal, setOpeningPortal] = useState(false);
  const until = periodEndLabel ?? "the end of the paid period";

  async function openPortal() {
    setOpeningPortal(true);
    try {
      await actions.openPortal();
    } catch {
      setOpeningPortal(false);
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      {cancelAtPeriodEnd ? (
        <Button onClick={() => setConfirming("resume")}>Resume subscription</Button>
      ) : (
        <Button variant="secondary" className="text-red-700" onClick={() => setConfirming("cancel")}>
          Cancel subscription
        </Button>
      )}
      {byCard && (
        <Button variant="secondary" loading={openingPortal} onClick={openPortal}>
          Update card
          <ExternalLink aria-hidden className="size-3.5" />
        </Button>
      )}

      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming === "resume" ? `Keep ${planName}?` : `Cancel your ${planName} subscription?`}
        description={
          confirming === "resume"
            ? byCard
              ? `Your subscription continues: the card is charged ${price} on ${until} and every month after.`
              : `Your subscription continues: it renews on ${until} for ${price} a month, invoiced as before.`
            : `You keep ${planName} until ${until}; then this business moves to the Free plan. Nothing more is charged. You can resume before then.`
        }
        confirmLabel={confirming === "resume" ? "Resume subscription" : "Cancel subscription"}
        cancelLabel={confirming === "resume" ? "Not now" : "Keep my plan"}
        tone={confirming === "resume" ? "primary" : "danger"}
        onConfirm={() => (confirming === "resume" ? actions.resume() : actions.cancel(until))}
      />
    </div>
  );
}

"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { plans } from "@/lib/billing/plans";
import { formatMoney } from "@/lib/format";
import { useOpenPaynowInvoice } from "./use-open-paynow-invoice";

const paidPlans = ["basic", "pro", "enterprise"] as const;
type PaidPlan = (typeof paidPlans)[number];
type Currency = "USD" | "ZWG";

// Opens (or reuses) an invoice for the chosen plan and goes to its pay page, where the owner picks a wallet.
export function PaynowPlanPicker({ currentPlan }: { currentPlan: string }) {
  const [plan, setPlan] = useState<PaidPlan>(paidPlans.includes(currentPlan as PaidPlan) ? (currentPlan as PaidPlan) : "basic");
  const [currency, setCurrency] = useState<Currency>("USD");
  const invoice = useOpenPaynowInvoice();

  function submit(event: FormEvent) {
    event.preventDefault();
    void invoice.open(plan, currency);
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <Label htmlFor="paynow-plan">Plan</Label>
        <Select id="paynow-plan" value={plan} onChange={(e) => setPlan(e.target.value as PaidPlan)} className="w-auto">
          {paidPlans.map((id) => (
            <option key={id} value={id}>
              {plans[id].name} — {formatMoney(plans[id].prices[currency], currency)}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="paynow-currency">Currency</Label>
        <Select id="paynow-currency" value={currency} onChange={(e) => setCurrency(e.target.value as Currency)} className="w-auto">
          <option value="USD">USD</option>
          <option value="ZWG">ZWG</option>
        </Select>
      </div>
      <Button type="submit" loading={invoice.busyPlan !== null}>
        Pay for {plans[plan].name} with mobile money
      </Button>
    </form>
  );
}

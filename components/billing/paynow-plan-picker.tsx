"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { plans } from "@/lib/billing/plans";
import { formatMoney } from "@/lib/format";

const paidPlans = ["basic", "pro", "enterprise"] as const;
type PaidPlan = (typeof paidPlans)[number];
type Currency = "USD" | "ZWG";

// Opens (or reuses) an invoice for the chosen plan and goes to its pay page, where the owner picks a wallet.
export function PaynowPlanPicker({ currentPlan }: { currentPlan: string }) {
  const router = useRouter();
  const [plan, setPlan] = useState<PaidPlan>(paidPlans.includes(currentPlan as PaidPlan) ? (currentPlan as PaidPlan) : "basic");
  const [currency, setCurrency] = useState<Currency>("USD");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const res = await fetch("/api/billing/paynow/invoice", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ plan, currency }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? "Could not create the invoice.");
      toast.success(`Invoice ${body.invoice.number} is ready to pay.`);
      router.push(new URL(body.invoice.payUrl).pathname);
    } catch (error) {
      toast.error((error as Error).message);
      setBusy(false);
    }
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
      <Button type="submit" loading={busy}>
        Pay for {plans[plan].name} with mobile money
      </Button>
    </form>
  );
}

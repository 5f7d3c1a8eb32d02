"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";

// Opens (or reuses) the open invoice for a plan and goes to its pay page, where the owner picks a wallet.
export function useOpenPaynowInvoice() {
  const router = useRouter();
  const [busyPlan, setBusyPlan] = useState<string | null>(null);

  async function open(plan: string, currency: "USD" | "ZWG" = "USD") {
    setBusyPlan(plan);
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
      setBusyPlan(null);
    }
  }

  return { open, busyPlan };
}

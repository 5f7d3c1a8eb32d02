"use client";
import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { requestJson } from "./request";

const WAIT_MS = 60_000;

// Back from Stripe Checkout: say what happened, and until Stripe's webhook has moved the plan, poll
// the usage endpoint and refresh the page when it has.
export function CheckoutReturn({ currentPlan, planNames }: { currentPlan: string; planNames: Record<string, string> }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const handled = useRef(false);
  const [expected, setExpected] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    if (handled.current) return;
    const outcome = params.get("checkout");
    if (!outcome) return;
    handled.current = true;
    const plan = params.get("plan") ?? "";
    if (outcome === "canceled") toast.info("Checkout canceled. Nothing was charged.");
    if (outcome === "success") {
      if (plan && plan !== currentPlan) {
        toast.success("Payment received. Your plan updates as soon as Stripe confirms it.");
        setExpected(plan);
      } else toast.success(`You're on the ${planNames[currentPlan] ?? currentPlan} plan.`);
    }
    router.replace(pathname, { scroll: false });
  }, [params, currentPlan, planNames, pathname, router]);

  const waiting = expected !== null && expected !== currentPlan && !gaveUp;
  const usage = useQuery({
    queryKey: ["billing-usage"],
    queryFn: () => requestJson<{ plan: string }>("/api/billing/usage"),
    enabled: waiting,
    refetchInterval: 2_000,
  });

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setGaveUp(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);

  useEffect(() => {
    if (waiting && usage.data && usage.data.plan === expected) {
      toast.success(`You're now on the ${planNames[expected] ?? expected} plan.`);
      router.refresh();
    }
  }, [waiting, usage.data, expected, planNames, router]);

  if (!expected || expected === currentPlan) return null;
  return (
    <div role="status" className="mb-6 flex items-center gap-3 rounded-lg border border-accent-200 bg-accent-50 px-4 py-3 text-sm text-accent-700">
      {gaveUp ? (
        <span>Stripe has not confirmed the payment yet. It usually takes seconds; refresh this page in a minute.</span>
      ) : (
        <>
          <LoaderCircle aria-hidden className="size-4 shrink-0 animate-spin" />
          <span>Payment received. Waiting for Stripe to confirm your {planNames[expected] ?? expected} plan…</span>
        </>
      )}
    </div>
  );
}

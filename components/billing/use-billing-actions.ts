"use client";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { requestJson } from "./request";

type CheckoutResponse = { sessionId: string; url: string } | { sessionId: null; url: null; updated: true; plan: string };

// The owner's billing actions. Each shows its own toast and rethrows, so a confirm dialog stays open on failure.
export function useBillingActions() {
  const router = useRouter();

  async function run<T>(action: () => Promise<T>, success?: string): Promise<T> {
    try {
      const result = await action();
      if (success) toast.success(success);
      return result;
    } catch (error) {
      toast.error((error as Error).message);
      throw error;
    }
  }

  return {
    async choosePlan(plan: string, planName: string, idempotencyKey: string) {
      const result = await run(() =>
        requestJson<CheckoutResponse>("/api/billing/checkout-session", { body: { plan }, headers: { "idempotency-key": idempotencyKey } }),
      );
      if (result.url) {
        window.location.assign(result.url);
        // Keep the dialog busy while the browser leaves for Stripe.
        await new Promise(() => {});
      }
      toast.success(`Your plan is now ${planName}. Stripe prorates the difference on your next invoice.`);
      router.refresh();
    },
    async cancel(untilLabel: string) {
      await run(() => requestJson("/api/billing/subscription", { method: "DELETE" }), `Subscription canceled. You keep your plan until ${untilLabel}.`);
      router.refresh();
    },
    async resume() {
      await run(() => requestJson("/api/billing/subscription/resume", { method: "POST" }), "Subscription resumed. It renews as usual.");
      router.refresh();
    },
    async openPortal() {
      const { url } = await run(() => requestJson<{ url: string }>("/api/billing/portal", { method: "POST" }));
      window.location.assign(url);
    },
  };
}

"use client";
import { Smartphone } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import type { RenewalWalletView } from "@/lib/billing/renewal-wallet";
import { requestJson } from "./request";

// Opt-in: the billing run sends each renewal to the wallet of the last paid period, 3 days before it is due.
export function RenewalWalletToggle({ initial, canManage }: { initial: RenewalWalletView; canManage: boolean }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [saving, setSaving] = useState(false);

  async function change(enabled: boolean) {
    setSaving(true);
    try {
      const next = await requestJson<RenewalWalletView>("/api/billing/renewal-wallet", { method: "PUT", body: { enabled } });
      setView(next);
      toast.success(enabled ? `Renewals will be sent to your ${next.wallet} phone ending ${next.phoneLast4}.` : "Renewals will no longer be sent to your phone.");
      router.refresh();
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card className="flex items-start gap-3 px-5 py-4">
      <Smartphone aria-hidden className="mt-0.5 size-5 shrink-0 text-indigo-600" />
      <div className="min-w-0 flex-1 text-sm">
        <label htmlFor="renewal-wallet" className="font-medium text-zinc-900">
          Send the renewal to my phone
        </label>
        <p className="text-zinc-600">
          Three days before each renewal is due we send a {view.wallet ?? "mobile money"} prompt to the phone ending {view.phoneLast4 ?? "…"}; approve it
          with your PIN. If it is not approved, the pay link and reminders carry on as usual.
        </p>
      </div>
      <input
        id="renewal-wallet"
        type="checkbox"
        role="switch"
        aria-checked={view.enabled}
        className="mt-1 size-5 shrink-0 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        checked={view.enabled}
        disabled={!canManage || saving}
        onChange={(event) => change(event.target.checked)}
      />
    </Card>
  );
}

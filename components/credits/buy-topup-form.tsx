"use client";
import { useState } from "react";
import { requestJson } from "@/components/billing/request";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/format";

type Pack = 1000 | 2000;
type Provider = "card" | "mobile_money";
type Currency = "USD" | "ZWG";

interface Props {
  packs: { pack: Pack; prices: Record<Currency, number> }[];
  cardEnabled: boolean;
  mobileMoneyEnabled: boolean;
}

// Owner only: card goes to Stripe Checkout; mobile money opens the invoice's pay page (EcoCash, OneMoney, InnBucks).
export function BuyTopupForm({ packs, cardEnabled, mobileMoneyEnabled }: Props) {
  const [pack, setPack] = useState<Pack>(packs[0].pack);
  const [provider, setProvider] = useState<Provider>(mobileMoneyEnabled ? "mobile_money" : "card");
  const [currency, setCurrency] = useState<Currency>("USD");
  const [busy, setBusy] = useState(false);
  const price = packs.find((p) => p.pack === pack)!.prices[provider === "card" ? "USD" : currency];

  if (!cardEnabled && !mobileMoneyEnabled) {
    return <p className="text-sm text-zinc-600">Payments are not configured on this server (Stripe or Paynow), so top-ups cannot be bought yet.</p>;
  }

  async function buy(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const body = { pack, provider, ...(provider === "mobile_money" ? { currency } : {}) };
      const result = await requestJson<{ orderId: string; url?: string; invoice?: { payUrl: string; number: string } }>("/api/credits/topups", { body });
      const target = result.url ?? result.invoice?.payUrl;
      toast.success(provider === "card" ? "Opening Stripe Checkout…" : `Invoice ${result.invoice?.number} created. Opening the pay page…`);
      if (target) window.location.assign(target);
    } catch (error) {
      toast.error((error as Error).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={buy} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
      <Field label="Pack" htmlFor="topup-pack">
        <Select id="topup-pack" value={pack} onChange={(e) => setPack(Number(e.target.value) as Pack)}>
          {packs.map((p) => (
            <option key={p.pack} value={p.pack}>
              {p.pack.toLocaleString("en-US")} credits
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Pay with" htmlFor="topup-provider">
        <Select id="topup-provider" value={provider} onChange={(e) => setProvider(e.target.value as Provider)}>
          {mobileMoneyEnabled && <option value="mobile_money">Mobile money (EcoCash, OneMoney, InnBucks)</option>}
          {cardEnabled && <option value="card">Card (Stripe)</option>}
        </Select>
      </Field>
      {provider === "mobile_money" ? (
        <Field label="Currency" htmlFor="topup-currency">
          <Select id="topup-currency" value={currency} onChange={(e) => setCurrency(e.target.value as Currency)}>
            <option value="USD">USD</option>
            <option value="ZWG">ZWG</option>
          </Select>
        </Field>
      ) : (
        <div className="hidden lg:block" />
      )}
      <Button type="submit" loading={busy}>
        Buy for {formatMoney(price, provider === "card" ? "USD" : currency)}
      </Button>
    </form>
  );
}

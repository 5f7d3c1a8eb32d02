import { CreditCard, Smartphone } from "lucide-react";
import type { ReactNode } from "react";

export interface ProviderState {
  card: { configured: boolean; plansWithoutPrice: string[] };
  mobileMoney: { configured: boolean };
}

const Var = ({ children }: { children: ReactNode }) => (
  <code className="rounded bg-white/70 px-1 py-0.5 font-mono text-xs text-zinc-900">{children}</code>
);

// One notice per payment provider that is off on this installation: what it is and which variables turn it on.
export function ProviderNotices({ state }: { state: ProviderState }) {
  const { card, mobileMoney } = state;
  const notices: { id: string; icon: typeof CreditCard; title: string; body: ReactNode }[] = [];
  if (!card.configured) {
    notices.push({
      id: "card-off",
      icon: CreditCard,
      title: "Card payments (Stripe) are off",
      body: (
        <>
          Monthly subscriptions paid by card. Turn them on with <Var>STRIPE_SECRET_KEY</Var>, <Var>STRIPE_WEBHOOK_SECRET</Var> and a
          price per plan (<Var>STRIPE_PRICE_ID_BASIC</Var>, <Var>STRIPE_PRICE_ID_PRO</Var>, <Var>STRIPE_PRICE_ID_ENTERPRISE</Var>),
          then restart the server.
        </>
      ),
    });
  } else if (card.plansWithoutPrice.length > 0) {
    notices.push({
      id: "card-partial",
      icon: CreditCard,
      title: `No card price for ${card.plansWithoutPrice.join(", ")}`,
      body: (
        <>
          Set{" "}
          {card.plansWithoutPrice.map((plan, index) => (
            <span key={plan}>
              {index > 0 && ", "}
              <Var>{`STRIPE_PRICE_ID_${plan.toUpperCase()}`}</Var>
            </span>
          ))}{" "}
          to sell {card.plansWithoutPrice.length === 1 ? "that plan" : "those plans"} by card.
        </>
      ),
    });
  }
  if (!mobileMoney.configured) {
    notices.push({
      id: "mobile-money-off",
      icon: Smartphone,
      title: "Mobile money (Paynow) is off",
      body: (
        <>
          Invoices paid with EcoCash, OneMoney, InnBucks or a card through Paynow, from a pay link that works on any phone. Turn it
          on with <Var>PAYNOW_INTEGRATION_ID</Var> and <Var>PAYNOW_INTEGRATION_KEY</Var> (from your Paynow merchant account), then
          restart the server.
        </>
      ),
    });
  }
  if (notices.length === 0) return null;
  return (
    <ul className="mb-4 space-y-2" aria-label="Payment methods that are off">
      {notices.map(({ id, icon: Icon, title, body }) => (
        <li key={id} id={id} className="flex gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm text-zinc-700">
          <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500" />
          <div>
            <p className="font-medium text-zinc-900">{title}</p>
            <p className="mt-0.5">{body}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

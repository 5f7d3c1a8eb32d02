"use client";
import { CreditCard } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { checkPhoneForMethod } from "@/lib/payments/paynow/phone";
import { methods, type PayMethod } from "./methods";
import type { PayRequest } from "./pay-api";

export interface MethodPickerProps {
  amountLabel: string;
  busy: boolean;
  serverError: string | null;
  initial?: { method: PayMethod; phone: string };
  onPay: (request: PayRequest) => void;
  // An error of the previous attempt no longer applies once another method is chosen.
  onMethodChange?: (method: PayMethod) => void;
}

export function MethodPicker({ amountLabel, busy, serverError, initial, onPay, onMethodChange }: MethodPickerProps) {
  const [method, setMethod] = useState<PayMethod>(initial?.method ?? "ecocash");
  const [phone, setPhone] = useState(initial?.phone ?? "");
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const selected = methods.find((m) => m.id === method)!;
  const needsPhone = method !== "card";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (method === "card") return onPay({ method });
    const check = checkPhoneForMethod(method, phone);
    if (!check.ok) return setPhoneError(check.message);
    setPhoneError(null);
    onPay({ method, phone: check.phone });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-800">Pay with</legend>
        <div className="grid grid-cols-2 gap-3">
          {methods.map((m) => (
            <label key={m.id} className="relative block cursor-pointer">
              <input
                type="radio"
                name="method"
                value={m.id}
                checked={method === m.id}
                onChange={() => {
                  setMethod(m.id);
                  setPhoneError(null);
                  onMethodChange?.(m.id);
                }}
                className="peer sr-only"
              />
              <span
                className={cn(
                  "flex min-h-20 items-center gap-2 rounded-xl border border-zinc-300 bg-white p-2.5 shadow-sm transition-colors sm:gap-2.5 sm:p-3",
                  "peer-checked:border-accent-600 peer-checked:bg-accent-50 peer-checked:ring-2 peer-checked:ring-accent-600",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600",
                )}
              >
                <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-bold sm:size-9", m.badgeClass)} aria-hidden="true">
                  {m.badge || <CreditCard className="size-5" />}
                </span>
                <span className="min-w-0">
                  <span className="block text-sm leading-tight font-semibold break-words text-zinc-900 sm:text-[15px]">{m.name}</span>
                  <span className="mt-0.5 block text-xs text-zinc-600">{m.hint}</span>
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {needsPhone && (
        <Field
          label={`${selected.name} mobile number`}
          htmlFor="pay-phone"
          hint="07… or +263 7…"
          error={phoneError ?? undefined}
        >
          <Input
            id="pay-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={method === "onemoney" ? "071 234 5678" : "077 123 4567"}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            className="h-12 text-lg tracking-wide"
          />
        </Field>
      )}

      {serverError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {serverError}
        </p>
      )}

      <Button type="submit" size="lg" loading={busy} className="h-13 w-full text-base">
        {method === "card" ? `Pay ${amountLabel} by card` : `Pay ${amountLabel} with ${selected.name}`}
      </Button>
      <p className="text-center text-xs text-zinc-500">
        {method === "card"
          ? "You will finish on Paynow's secure page and come back here."
          : method === "innbucks"
            ? "You will get a code to approve in the InnBucks app."
            : "You will get a prompt on this phone number to enter your PIN."}
      </p>
    </form>
  );
}

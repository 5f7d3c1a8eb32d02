"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ApiKeyRow, IssuedKey } from "@/components/api-keys/api-key-row";
import { IssuedKeyPanel } from "@/components/api-keys/issued-key-panel";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

interface Registered {
  business: { name: string };
  apiKey: ApiKeyRow & { key: string };
}

// Registration returns the business's first API key once: show it here, then go on to the dashboard.
export function CreateBusinessForm({ defaultEmail }: { defaultEmail: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await fetch("/api/business/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        businessName: String(form.get("businessName")).trim(),
        email: String(form.get("email")).trim() || undefined,
      }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as Registered | { error?: { message?: string } } | null;
    setPending(false);
    if (!res?.ok || !body || !("apiKey" in body)) {
      return setError(
        (body && "error" in body && body.error?.message) || "Could not create the business. Check your connection and try again.",
      );
    }
    toast.success(`${body.business.name} is ready.`);
    const { key, ...apiKey } = body.apiKey;
    setIssued({ key, apiKey });
  }

  if (issued) {
    return (
      <div className="space-y-3 text-sm">
        <h1 className="text-lg font-semibold text-zinc-900">Your first API key</h1>
        <p className="text-zinc-600">
          Your POS terminals and apps use it to record sales. Create more (and revoke this one) under API keys.
        </p>
        <IssuedKeyPanel
          issued={issued}
          doneLabel="Continue to dashboard"
          onDone={() => {
            router.push("/dashboard");
            router.refresh();
          }}
        />
      </div>
    );
  }

  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Register your business</h1>
      <p className="mb-6 text-sm text-zinc-600">
        You start on the free plan: one API key, one POS terminal and 500 transactions a month. Upgrade any time.
      </p>
      <form onSubmit={onSubmit} method="post" className="space-y-4">
        <Field label="Business name" htmlFor="businessName">
          <Input id="businessName" name="businessName" required minLength={2} maxLength={80} placeholder="e.g. Mbare Groceries" />
        </Field>
        <Field label="Billing email" htmlFor="email" hint="Invoices and payment receipts go here.">
          <Input id="email" name="email" type="email" defaultValue={defaultEmail} maxLength={254} />
        </Field>
        <FormError message={error} />
        <Button type="submit" className="w-full" loading={pending}>
          Create business
        </Button>
      </form>
    </>
  );
}

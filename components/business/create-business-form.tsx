"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

export function CreateBusinessForm({ defaultEmail }: { defaultEmail: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await fetch("/api/business/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ businessName: String(form.get("businessName")).trim(), email: String(form.get("email")).trim() || undefined }),
    });
    const body = await res.json().catch(() => null);
    setPending(false);
    if (!res.ok) return setError(body?.error?.message ?? "Could not create the business.");
    toast.success(`${body.business.name} is ready.`);
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
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
  );
}

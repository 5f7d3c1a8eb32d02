"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { forgotPasswordAction } from "@/lib/auth/forms/forgot-password-action";
import { initialAuthFormState } from "@/lib/auth/forms/form-state";

// A server action: a POST form that works before hydration and without JavaScript.
// `devOutboxHref`: in development without an email provider, where the reset email can be read.
export function ForgotPasswordForm({ devOutboxHref = null }: { devOutboxHref?: string | null }) {
  const [state, formAction, pending] = useActionState(forgotPasswordAction, initialAuthFormState);

  if (state.done) {
    return (
      <div role="status" className="space-y-3 text-sm text-zinc-700">
        <p>If an account exists for that address, we sent a link to choose a new password. It expires in one hour.</p>
        {devOutboxHref && (
          <p className="rounded-md bg-amber-50 p-3 text-amber-900">
            Development: no email provider is configured, so the email was kept on this machine. Open the{" "}
            <Link href={devOutboxHref} className="font-medium underline">
              development outbox
            </Link>{" "}
            (the link is also printed in the server&apos;s console).
          </p>
        )}
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      </Field>
      <FormError message={state.error} />
      <Button type="submit" className="w-full" loading={pending}>
        Send reset link
      </Button>
    </form>
  );
}

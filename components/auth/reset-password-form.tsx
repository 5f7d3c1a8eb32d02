"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { initialAuthFormState } from "@/lib/auth/forms/form-state";
import { resetPasswordAction } from "@/lib/auth/forms/reset-password-action";

// A server action: a POST form that works before hydration and without JavaScript.
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, initialAuthFormState);

  if (state.done) {
    return (
      <p role="status" className="text-sm text-zinc-700">
        Your password was changed.{" "}
        <Link href="/sign-in" className="text-accent-700 hover:underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field label="New password" htmlFor="password" hint="At least 10 characters, and not a common password.">
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      </Field>
      <FormError message={state.error} />
      {state.error && (
        <p className="text-sm">
          <Link href="/forgot-password" className="text-accent-700 hover:underline">
            Request a new link
          </Link>
        </p>
      )}
      <Button type="submit" className="w-full" loading={pending}>
        Change password
      </Button>
    </form>
  );
}

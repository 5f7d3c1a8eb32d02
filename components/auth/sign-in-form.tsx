"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { initialAuthFormState } from "@/lib/auth/forms/form-state";
import { signInAction } from "@/lib/auth/forms/sign-in-action";

// A server action: React renders it as a POST form, so it works (and never puts the password in a URL) before
// hydration or without JavaScript.
export function SignInForm({ redirectTo, defaultEmail }: { redirectTo?: string; defaultEmail?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initialAuthFormState);

  return (
    <form action={formAction} className="space-y-4">
      {redirectTo && <input type="hidden" name="redirect" value={redirectTo} />}
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email ?? defaultEmail} />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormError message={state.error} />
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-accent-700 hover:underline">
          Forgot password?
        </Link>
        <Link href={redirectTo ? `/sign-up?redirect=${encodeURIComponent(redirectTo)}` : "/sign-up"} className="text-accent-700 hover:underline">
          Create an account
        </Link>
      </div>
    </form>
  );
}

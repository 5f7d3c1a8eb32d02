"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { initialAuthFormState } from "@/lib/auth/forms/form-state";
import { signUpAction } from "@/lib/auth/forms/sign-up-action";

// A server action: a POST form that works before hydration and without JavaScript.
export function SignUpForm({ redirectTo, defaultEmail }: { redirectTo?: string; defaultEmail?: string }) {
  const [state, formAction, pending] = useActionState(signUpAction, initialAuthFormState);

  return (
    <form action={formAction} className="space-y-4">
      {redirectTo && <input type="hidden" name="redirect" value={redirectTo} />}
      <Field label="Your name" htmlFor="name">
        <Input id="name" name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email ?? defaultEmail} />
      </Field>
      <Field label="Password" htmlFor="password" hint="At least 10 characters, and not a common password.">
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      </Field>
      <FormError message={state.error} />
      <Button type="submit" className="w-full" loading={pending}>
        Create account
      </Button>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href={redirectTo ? `/sign-in?redirect=${encodeURIComponent(redirectTo)}` : "/sign-in"} className="text-accent-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

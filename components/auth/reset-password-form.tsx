"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { error } = await authClient.resetPassword({
      token,
      newPassword: String(new FormData(event.currentTarget).get("password")),
    });
    setPending(false);
    if (error) return setError(error.message ?? "This link is no longer valid. Ask for a new one.");
    setDone(true);
  }

  if (done) {
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
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="New password" htmlFor="password" hint="At least 10 characters, and not a common password.">
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      </Field>
      <FormError message={error} />
      <Button type="submit" className="w-full" loading={pending}>
        Change password
      </Button>
    </form>
  );
}

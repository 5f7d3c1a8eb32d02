import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  if (!token || error) {
    return (
      <>
        <h1 className="mb-2 text-lg font-semibold">This reset link does not work</h1>
        <p role="alert" className="text-sm text-zinc-700">
          It is invalid, was already used, or expired (links last one hour). Ask for a new one.
        </p>
        <div className="mt-4 flex flex-col gap-2">
          <Link href="/forgot-password" className={buttonClasses({ variant: "primary" })}>
            Request a new link
          </Link>
          <Link href="/sign-in" className={buttonClasses({ variant: "secondary" })}>
            Back to sign in
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-lg font-semibold">Choose a new password</h1>
      <ResetPasswordForm token={token} />
    </>
  );
}

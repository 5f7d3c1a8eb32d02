import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; error?: string }> }) {
  const { token, error } = await searchParams;
  if (!token || error) {
    return (
      <p role="alert" className="text-sm text-zinc-700">
        This reset link is invalid or has expired.{" "}
        <Link href="/forgot-password" className="text-accent-700 hover:underline">
          Ask for a new one
        </Link>
        .
      </p>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-lg font-semibold">Choose a new password</h1>
      <ResetPasswordForm token={token} />
    </>
  );
}

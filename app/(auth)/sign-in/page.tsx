import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ redirect?: string; email?: string }> }) {
  const { redirect, email } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-zinc-600">Welcome back to Tangabiz.</p>
      <SignInForm redirectTo={redirect} defaultEmail={email} />
    </>
  );
}

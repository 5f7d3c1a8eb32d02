import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ redirect?: string; email?: string }> }) {
  const { redirect, email } = await searchParams;
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Create your account</h1>
      <p className="mb-6 text-sm text-zinc-600">
        {redirect?.startsWith("/accept-invitation/")
          ? "Then you go straight on to accept your invitation."
          : "Then register your business and take payments by card and mobile money."}
      </p>
      <SignUpForm redirectTo={redirect} defaultEmail={email} />
    </>
  );
}

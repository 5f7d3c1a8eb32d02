import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CreateBusinessForm } from "@/components/business/create-business-form";
import { requireUser } from "@/lib/auth/page-session";
import { listMemberships } from "@/lib/business/queries";

export const metadata: Metadata = { title: "Register your business" };

export default async function OnboardingPage() {
  const { user } = await requireUser();
  const memberships = await listMemberships(user.id);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <CreateBusinessForm defaultEmail={user.email} />
      </div>
      <div className="mt-6 flex items-center gap-4 text-sm text-zinc-600">
        {memberships.length > 0 && (
          <Link href="/dashboard" className="text-accent-700 hover:underline">
            Back to the dashboard
          </Link>
        )}
        <SignOutButton />
      </div>
    </main>
  );
}

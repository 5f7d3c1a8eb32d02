import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CreateBusinessForm } from "@/components/business/create-business-form";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/page-session";
import { listMemberships, listPendingInvitationsFor } from "@/lib/business/queries";

export const metadata: Metadata = { title: "Register your business" };

export default async function OnboardingPage() {
  const { user } = await requireUser();
  const [memberships, invitations] = await Promise.all([listMemberships(user.id), listPendingInvitationsFor(user.email)]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      {invitations.length > 0 && (
        <section aria-label="Invitations" className="mb-4 w-full max-w-md space-y-2">
          {invitations.map((invitation) => (
            <div key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-accent-200 bg-accent-50 p-4 text-sm">
              <p className="text-zinc-800">
                You are invited to join <strong>{invitation.business.name}</strong> as {invitation.role ?? "staff"}.
              </p>
              <Link href={`/accept-invitation/${invitation.id}`} className={buttonClasses({ size: "sm" })}>
                See the invitation
              </Link>
            </div>
          ))}
          <p className="text-center text-xs text-zinc-600">Or register a business of your own below.</p>
        </section>
      )}
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

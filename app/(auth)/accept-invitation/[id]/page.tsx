import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationActions } from "@/components/auth/accept-invitation-actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import { getPageSession } from "@/lib/auth/page-session";
import { getInvitationForAcceptance } from "@/lib/business/queries";

export const metadata: Metadata = { title: "Invitation" };

export default async function AcceptInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [invitation, session] = await Promise.all([getInvitationForAcceptance(id), getPageSession()]);

  if (!invitation || invitation.status !== "pending" || invitation.expiresAt < new Date()) {
    return (
      <Message title="This invitation is no longer valid">
        It was already used, canceled, or it expired (invitations last 48 hours). Ask the business owner to send you a new
        invitation from their Team page; the new email has a fresh link.
        <div className="mt-4 flex flex-col gap-2">
          {session ? (
            <Link href="/dashboard" className={buttonClasses({ variant: "primary" })}>
              Go to your dashboard
            </Link>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClasses({ variant: "primary" })}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonClasses({ variant: "secondary" })}>
                Create an account
              </Link>
            </>
          )}
        </div>
      </Message>
    );
  }

  const here = `/accept-invitation/${id}`;
  const businessName = invitation.business.name;
  const intro = (
    <p className="mb-6 text-sm text-zinc-600">
      {invitation.inviter.name} invited <strong>{invitation.email}</strong> to join <strong>{businessName}</strong> as{" "}
      {invitation.role ?? "staff"}.
    </p>
  );

  if (!session) {
    const query = `redirect=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`;
    return (
      <>
        <h1 className="mb-1 text-lg font-semibold">Join {businessName}</h1>
        {intro}
        <div className="flex flex-col gap-3">
          <Link href={`/sign-up?${query}`} className={buttonClasses({ variant: "primary" })}>
            Create an account to join
          </Link>
          <Link href={`/sign-in?${query}`} className={buttonClasses({ variant: "secondary" })}>
            I already have an account
          </Link>
        </div>
      </>
    );
  }

  if (session.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Message title="This invitation is for another account">
        You are signed in as {session.user.email}, but the invitation was sent to {invitation.email}.
        <div className="mt-4">
          <SignOutButton label="Sign out and switch account" redirectTo={`/sign-in?redirect=${encodeURIComponent(here)}`} />
        </div>
      </Message>
    );
  }

  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Join {businessName}</h1>
      {intro}
      <AcceptInvitationActions invitationId={id} businessName={businessName} />
    </>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold">{title}</h1>
      <div className="text-sm text-zinc-600">{children}</div>
    </>
  );
}

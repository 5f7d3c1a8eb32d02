import InvitationEmail from "@/emails/invitation";
import ResetPasswordEmail from "@/emails/reset-password";
import VerifyEmail from "@/emails/verify-email";
import { prisma } from "@/lib/db";
import { sendEmailNow } from "@/lib/email/queue-email";
import { env } from "@/lib/env";

// Better Auth's own emails. They have no transaction of their own to join, so each is written (and its send
// job queued) in a transaction of its own, then sent right after the response; the outbox keeps them all.

export const RESET_PASSWORD_EXPIRES_IN_S = 60 * 60;
export const VERIFY_EMAIL_EXPIRES_IN_S = 24 * 60 * 60;

interface AuthUser {
  id: string;
  name: string;
  email: string;
}

// The business a user's mail is about: the first one they belong to, if any.
async function firstBusinessName(userId: string): Promise<string | null> {
  const member = await prisma.member.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { business: { select: { name: true } } },
  });
  return member?.business.name ?? null;
}

export async function sendResetPasswordEmail({ user, url }: { user: AuthUser; url: string }) {
  await sendEmailNow({
    template: "reset-password",
    to: user.email,
    subject: "Reset your Tangabiz password",
    body: ResetPasswordEmail({
      name: user.name,
      url,
      expiresAt: new Date(Date.now() + RESET_PASSWORD_EXPIRES_IN_S * 1000),
      businessName: await firstBusinessName(user.id),
    }),
  });
}

export async function sendVerificationEmail({ user, url }: { user: AuthUser; url: string }) {
  // Better Auth defaults the page after verifying to "/"; the dashboard is where a new user continues.
  const link = new URL(url);
  if ((link.searchParams.get("callbackURL") ?? "/") === "/") link.searchParams.set("callbackURL", "/dashboard");
  await sendEmailNow({
    template: "verify-email",
    to: user.email,
    subject: "Confirm your email address for Tangabiz",
    body: VerifyEmail({
      name: user.name,
      email: user.email,
      url: link.toString(),
      expiresAt: new Date(Date.now() + VERIFY_EMAIL_EXPIRES_IN_S * 1000),
      businessName: await firstBusinessName(user.id),
    }),
  });
}

interface InvitationData {
  id: string;
  email: string;
  role: string;
  organization: { id: string; name: string };
  inviter: { user: { name: string } };
  invitation: { expiresAt: Date };
}

export async function sendInvitationEmail({ id, email, role, organization, inviter, invitation }: InvitationData) {
  await sendEmailNow({
    template: "invitation",
    to: email,
    subject: `Join ${organization.name} on Tangabiz`,
    businessId: organization.id,
    body: InvitationEmail({
      businessName: organization.name,
      inviterName: inviter.user.name,
      role,
      url: `${env.APP_URL}/accept-invitation/${id}`,
      expiresAt: new Date(invitation.expiresAt),
    }),
  });
}

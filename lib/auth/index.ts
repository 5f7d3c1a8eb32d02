import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { prisma } from "@/lib/db";
import { sendEmailNow } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import InvitationEmail from "@/emails/invitation";
import ResetPasswordEmail from "@/emails/reset-password";
import { accessControl, accessRoles } from "./roles";

export const auth = betterAuth({
  appName: "Tangabiz",
  baseURL: env.APP_URL,
  secret: env.BETTER_AUTH_SECRET,
  trustedOrigins: [env.APP_URL, ...env.TRUSTED_ORIGINS.split(",").filter(Boolean)],
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    resetPasswordTokenExpiresIn: 60 * 60,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }) => {
      await sendEmailNow({
        template: "reset-password",
        to: user.email,
        subject: "Reset your Tangabiz password",
        body: ResetPasswordEmail({ name: user.name, url }),
      });
    },
  },
  // Shared by every instance, unlike the default per-process memory store.
  rateLimit: {
    storage: "database",
    window: 60,
    max: 100,
    // Per client IP. Looser than Better Auth's default (3 per 10 s) so a shop's shared connection can sign in
    // several cashiers, still tight enough to stop password guessing.
    customRules: { "/sign-in/email": { window: 60, max: 10 }, "/sign-up/email": { window: 60, max: 10 } },
  },
  plugins: [
    organization({
      // Businesses are created by lib/business/register-business.ts (with their subscription), not by this endpoint.
      allowUserToCreateOrganization: false,
      creatorRole: "owner",
      ac: accessControl,
      roles: accessRoles,
      invitationExpiresIn: 48 * 60 * 60,
      cancelPendingInvitationsOnReInvite: true,
      schema: {
        organization: { modelName: "business" },
        member: { fields: { organizationId: "businessId" } },
        invitation: { fields: { organizationId: "businessId" } },
        session: { fields: { activeOrganizationId: "activeBusinessId" } },
      },
      sendInvitationEmail: async ({ id, email, role, organization, inviter }) => {
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
          }),
        });
      },
    }),
    nextCookies(),
  ],
});

export type AuthSession = typeof auth.$Infer.Session;

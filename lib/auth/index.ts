import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { recordSignInDevice } from "@/lib/audit/sign-in-device";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { RESET_PASSWORD_EXPIRES_IN_S, sendInvitationEmail, sendResetPasswordEmail, sendVerificationEmail, VERIFY_EMAIL_EXPIRES_IN_S } from "./auth-emails";
import { afterAuthEndpoint, beforeAuthEndpoint } from "./hooks";
import { authIpAddressHeaders } from "./ip-address";
import { MIN_PASSWORD_LENGTH } from "./password-policy";
import { accessControl, accessRoles } from "./roles";
import { trustedOriginsFor } from "./trusted-origins";

export const auth = betterAuth({
  appName: "Tangabiz",
  baseURL: env.APP_URL,
  secret: env.BETTER_AUTH_SECRET,
  trustedOrigins: (request) => trustedOriginsFor(request),
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  advanced: {
    // Better Auth skips the Origin check under NODE_ENV=test; keep it on so tests see what production does.
    disableOriginCheck: false,
    ipAddress: { ipAddressHeaders: authIpAddressHeaders() },
    useSecureCookies: new URL(env.APP_URL).protocol === "https:",
  },
  // Before: types, NUL, lone surrogates and nesting of every body; the password policy; staff do not read the
  // team. After: team changes audited; no session token in JSON bodies.
  hooks: { before: beforeAuthEndpoint, after: afterAuthEndpoint },
  databaseHooks: {
    session: {
      create: {
        after: async (session) => {
          await recordSignInDevice(session).catch((error: Error) => console.error("audit: sign-in device not recorded:", error.message));
        },
      },
    },
  },
  emailAndPassword: {
    enabled: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: 128,
    resetPasswordTokenExpiresIn: RESET_PASSWORD_EXPIRES_IN_S,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: sendResetPasswordEmail,
    // Unverified users can sign in; the dashboard shows a banner with "resend" until they confirm.
    requireEmailVerification: false,
  },
  emailVerification: {
    sendOnSignUp: true,
    autoSignInAfterVerification: true,
    expiresIn: VERIFY_EMAIL_EXPIRES_IN_S,
    sendVerificationEmail,
  },
  // Shared by every instance, unlike the default per-process memory store.
  rateLimit: {
    storage: "database",
    window: 60,
    max: env.AUTH_RATE_LIMIT_PER_MINUTE,
    // Per client IP. Looser than Better Auth's default (3 per 10 s) so a shop's shared connection can sign in
    // several cashiers, still tight enough to stop password guessing. Reset requests keep Better Auth's 3 a minute.
    customRules: {
      "/sign-in/email": { window: 60, max: env.AUTH_SIGN_IN_RATE_LIMIT_PER_MINUTE },
      "/sign-up/email": { window: 60, max: env.AUTH_SIGN_IN_RATE_LIMIT_PER_MINUTE },
    },
  },
  plugins: [
    organization({
      // Businesses are created by lib/business/register-business.ts (with their subscription), not by this endpoint.
      allowUserToCreateOrganization: false,
      // Businesses are closed (lib/business/close-business.ts), never deleted: their records must stay.
      disableOrganizationDeletion: true,
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
      sendInvitationEmail,
    }),
    nextCookies(),
  ],
});

export type AuthSession = typeof auth.$Infer.Session;

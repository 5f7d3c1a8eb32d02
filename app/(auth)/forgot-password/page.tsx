import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { emailProviderConfigured } from "@/lib/email/email-provider";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Reset your password" };
// Rendered per request, so its scripts carry the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  // Without an email provider nothing is mailed; in development the link is one click away.
  const devOutbox = env.NODE_ENV === "development" && !emailProviderConfigured();
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Reset your password</h1>
      <p className="mb-6 text-sm text-zinc-600">We will email you a link to choose a new one.</p>
      <ForgotPasswordForm devOutboxHref={devOutbox ? "/dev/outbox" : null} />
    </>
  );
}

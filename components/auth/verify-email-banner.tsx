"use client";
import { MailWarning, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { authClient } from "@/lib/auth/client";

// Shown to a signed-in user whose address is not confirmed yet, until they confirm it or dismiss it (per browser).
export function VerifyEmailBanner({ userId, email, devOutboxHref = null }: { userId: string; email: string; devOutboxHref?: string | null }) {
  const storageKey = `tangabiz:verify-email-dismissed:${userId}`;
  const [visible, setVisible] = useState(false);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    setVisible(window.localStorage.getItem(storageKey) !== "1");
  }, [storageKey]);

  if (!visible) return null;

  async function resend() {
    setPending(true);
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/dashboard" });
    setPending(false);
    if (error) toast.error(error.message ?? "Could not send the email. Try again in a minute.");
    else toast.success(`We sent a new confirmation link to ${email}.`);
  }

  function dismiss() {
    window.localStorage.setItem(storageKey, "1");
    setVisible(false);
  }

  return (
    <div role="region" aria-label="Unconfirmed address" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900 sm:px-6">
      <MailWarning aria-hidden className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">Confirm your email.</strong> We sent a link to {email} so receipts and password resets
        reach you.
        {devOutboxHref && (
          <>
            {" "}
            Development: read it in the{" "}
            <Link href={devOutboxHref} className="underline">
              development outbox
            </Link>
            .
          </>
        )}
      </p>
      <Button size="sm" variant="secondary" loading={pending} onClick={resend}>
        Resend
      </Button>
      <button type="button" onClick={dismiss} aria-label="Dismiss" className="rounded p-1 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-blue-600">
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

import { Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutboxList } from "@/components/outbox/outbox-list";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listDevOutbox } from "@/lib/email/list-dev-outbox";
import { env } from "@/lib/env";
import { emailMaxAttempts } from "@/lib/jobs/job-kinds";

export const metadata: Metadata = { title: "Development outbox" };
export const dynamic = "force-dynamic";

// GET /dev/outbox — development only: emails that belong to no business (password resets, email
// verifications), which no business's outbox shows. Anywhere else this page does not exist.
export default async function DevOutboxPage() {
  if (env.NODE_ENV !== "development") notFound();
  const messages = await listDevOutbox();
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8">
      <Link href="/" className="text-xl font-bold tracking-tight text-accent-700">
        Tangabiz
      </Link>
      <h1 className="mt-6 text-xl font-semibold tracking-tight">Development outbox</h1>
      <p className="mt-1 mb-6 text-sm text-zinc-600">
        Password resets and email confirmations, which belong to no business. Emails of a business are in its dashboard
        under Outbox. This page exists only in development; every kept email is also printed in the server&apos;s console.
      </p>
      {messages.length === 0 ? (
        <Card>
          <EmptyState
            icon={Mail}
            title="No emails yet"
            description="Ask for a password reset or sign up, and the email shows here."
            action={
              <Link href="/forgot-password" className="text-accent-700 hover:underline">
                Reset a password
              </Link>
            }
          />
        </Card>
      ) : (
        <OutboxList messages={messages} maxAttempts={emailMaxAttempts} canSendAgain={false} />
      )}
    </main>
  );
}

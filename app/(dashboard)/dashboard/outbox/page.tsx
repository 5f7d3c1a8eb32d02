import { Mail } from "lucide-react";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { OutboxList } from "@/components/outbox/outbox-list";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { listOutbox } from "@/lib/business/queries";
import { emailProviderConfigured } from "@/lib/email/email-provider";
import { emailMaxAttempts } from "@/lib/jobs/job-kinds";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const messages = await listOutbox(member.businessId);

  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          emailProviderConfigured()
            ? "Every email this business sent or is sending through Resend, with its attempts. Failed sends are retried 5 times over about a day."
            : "No email provider is configured (RESEND_API_KEY), so nothing leaves this machine: every email is kept here to read."
        }
      />
      {messages.length === 0 ? (
        <Card>
          <EmptyState icon={Mail} title="No emails yet" description="Welcome, invitation, receipt and billing emails will appear here." />
        </Card>
      ) : (
        <OutboxList messages={messages} maxAttempts={emailMaxAttempts} canSendAgain />
      )}
    </>
  );
}

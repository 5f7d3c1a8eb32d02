import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { BillingBanner } from "@/components/billing/billing-banner";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requireMember } from "@/lib/auth/page-session";
import { getBillingStatus } from "@/lib/billing/usage";
import { listMemberships } from "@/lib/business/queries";
import { emailProviderConfigured } from "@/lib/email/email-provider";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, member } = await requireMember();
  const [memberships, billing] = await Promise.all([listMemberships(user.id), getBillingStatus(member.businessId)]);
  return (
    <DashboardShell
      role={member.role}
      user={{ name: user.name, email: user.email }}
      memberships={memberships}
      activeBusinessId={member.businessId}
      banner={
        <>
          {!user.emailVerified && (
            <VerifyEmailBanner
              userId={user.id}
              email={user.email}
              devOutboxHref={env.NODE_ENV === "development" && !emailProviderConfigured() ? "/dev/outbox" : null}
            />
          )}
          <BillingBanner status={billing.status} role={member.role} />
        </>
      }
    >
      {children}
    </DashboardShell>
  );
}

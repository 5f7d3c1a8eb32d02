import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { TerminalList } from "@/components/terminals/terminal-list";
import { TerminalSettingsForm } from "@/components/terminals/terminal-settings-form";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { plans } from "@/lib/billing/plans";
import { getBillingStatus } from "@/lib/billing/usage";
import { getPosConfig } from "@/lib/pos/settings";
import { listTerminals } from "@/lib/pos/terminals";

export const metadata: Metadata = { title: "Terminals" };

export default async function TerminalsPage() {
  const { member } = await requireMember();
  const [terminals, posConfig, billing] = await Promise.all([
    listTerminals(member.businessId),
    getPosConfig(member.businessId),
    getBillingStatus(member.businessId),
  ]);
  const plan = plans[billing.plan];
  const isAdmin = hasRole(member.role, "admin");
  return (
    <>
      <PageHeader title="Terminals" description="Which POS terminals are calling in, and the settings they all use." />
      <div className="space-y-4">
        <TerminalList
          initialTerminals={terminals.map((t) => ({ terminalId: t.terminalId, lastSeenAt: t.lastSeenAt.toISOString() }))}
          renderedAt={Date.now()}
          terminalLimit={plan.limits.terminals}
          canManageKeys={isAdmin}
        />
        <TerminalSettingsForm
          initialConfig={posConfig.config}
          initialLastUpdated={posConfig.lastUpdated?.toISOString() ?? null}
          canEdit={isAdmin}
        />
      </div>
    </>
  );
}

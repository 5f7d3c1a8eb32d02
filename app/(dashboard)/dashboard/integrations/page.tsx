import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { IntegrationsManager } from "@/components/integrations/integrations-manager";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { listIntegrations } from "@/lib/integrations/list-integrations";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const integrations = await listIntegrations(member.businessId);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Send the customers your tills capture to your CRM and mailing list, email receipts, and file daily sales and invoices. Paste a token or key to connect; OAuth sign-in is not supported yet."
      />
      <IntegrationsManager initialIntegrations={integrations} />
    </>
  );
}

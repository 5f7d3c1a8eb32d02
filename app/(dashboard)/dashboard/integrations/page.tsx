import { Plug } from "lucide-react";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  return (
    <>
      <PageHeader title="Integrations" description="Connect the tools your business already uses." />
      <ComingSoon
        icon={Plug}
        title="Integrations are on their way"
        description="Soon you will connect your store, accounting and messaging tools here, with credentials kept encrypted."
      />
    </>
  );
}

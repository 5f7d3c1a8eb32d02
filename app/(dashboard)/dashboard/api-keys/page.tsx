import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  return (
    <>
      <PageHeader title="API keys" description="Keys for your POS terminals and mobile apps." />
      <ComingSoon
        icon={KeyRound}
        title="API keys are on their way"
        description="Soon you will create scoped keys here, see when each was last used, rotate and revoke them."
      />
    </>
  );
}

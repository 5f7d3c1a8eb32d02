import type { Metadata } from "next";
import { toApiKeyRow } from "@/components/api-keys/api-key-row";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { ApiUsageExample } from "@/components/api-keys/api-usage-example";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { plans } from "@/lib/billing/plans";
import { getBillingStatus } from "@/lib/billing/usage";
import { displayOrigin } from "@/lib/http/display-origin";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const [keys, billing] = await Promise.all([listApiKeys(member.businessId), getBillingStatus(member.businessId)]);
  const plan = plans[billing.plan];
  return (
    <>
      <PageHeader title="API keys" description="Keys for your POS terminals and mobile apps. Each key is shown once, when you create it." />
      <div className="space-y-4">
        <ApiKeysManager initialKeys={keys.map(toApiKeyRow)} plan={{ name: plan.name, keyLimit: plan.limits.apiKeys }}
          canUpgrade={hasRole(member.role, "owner")}
        />
        <ApiUsageExample origin={await displayOrigin()} />
      </div>
    </>
  );
}

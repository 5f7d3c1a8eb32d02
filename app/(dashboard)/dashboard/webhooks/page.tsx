import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import type { EndpointRow } from "@/components/webhooks/webhook-rows";
import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { listEndpoints } from "@/lib/webhooks-out/manage-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const endpoints = await listEndpoints(member.businessId);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send Tangabiz events to your own systems or Zapier, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)."
      />
      <WebhooksManager initialEndpoints={JSON.parse(JSON.stringify(endpoints)) as EndpointRow[]} />
    </>
  );
}

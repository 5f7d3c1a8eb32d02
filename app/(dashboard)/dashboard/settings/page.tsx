import type { Metadata } from "next";
import { CloseBusinessCard } from "@/components/business/close-business-card";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "owner")) return <AccessDenied required="owner" />;
  const business = await prisma.business.findUniqueOrThrow({ where: { id: member.businessId }, select: { name: true, closedAt: true } });
  return (
    <>
      <PageHeader title="Settings" description="Business-wide settings for the owner." />
      <div className="space-y-6">
        <CloseBusinessCard businessName={business.name} closedAt={business.closedAt?.toISOString() ?? null} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { TeamManager } from "@/components/team/team-manager";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { getTeam } from "@/lib/business/queries";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const { member, user } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const team = await getTeam(member.businessId);
  return (
    <>
      <PageHeader title="Team" description="Invite staff by email and choose what each person may do." />
      <TeamManager
        businessId={member.businessId}
        currentUserId={user.id}
        currentRole={member.role}
        members={team.members.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
        invitations={team.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() }))}
      />
    </>
  );
}

import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requireMember } from "@/lib/auth/page-session";
import { listMemberships } from "@/lib/business/queries";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, member } = await requireMember();
  const memberships = await listMemberships(user.id);
  return (
    <DashboardShell
      role={member.role}
      user={{ name: user.name, email: user.email }}
      memberships={memberships}
      activeBusinessId={member.businessId}
    >
      {children}
    </DashboardShell>
  );
}

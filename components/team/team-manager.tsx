"use client";
import { Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import type { Role } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { InviteForm } from "./invite-form";

interface TeamMember {
  id: string;
  role: string;
  createdAt: string;
  user: { id: string; name: string; email: string };
}

interface PendingInvitation {
  id: string;
  email: string;
  role: string | null;
  expiresAt: string;
}

interface TeamManagerProps {
  businessId: string;
  currentUserId: string;
  currentRole: Role;
  members: TeamMember[];
  invitations: PendingInvitation[];
}

type Pending = { kind: "remove"; member: TeamMember } | { kind: "cancel"; invitation: PendingInvitation };

export function TeamManager({ businessId, currentUserId, currentRole, members, invitations }: TeamManagerProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const assignable: Role[] = currentRole === "owner" ? ["owner", "admin", "staff"] : ["admin", "staff"];
  const canManage = (member: TeamMember) =>
    member.user.id !== currentUserId && (currentRole === "owner" || member.role !== "owner");

  async function changeRole(member: TeamMember, role: Role) {
    const { error } = await authClient.organization.updateMemberRole({ memberId: member.id, role, organizationId: businessId });
    if (error) return toast.error(error.message ?? "Could not change the role.");
    toast.success(`${member.user.name} is now ${role}.`);
    router.refresh();
  }

  async function confirm() {
    if (!confirming) return;
    const { error } =
      confirming.kind === "remove"
        ? await authClient.organization.removeMember({ memberIdOrEmail: confirming.member.id, organizationId: businessId })
        : await authClient.organization.cancelInvitation({ invitationId: confirming.invitation.id });
    if (error) {
      toast.error(error.message ?? "That did not work.");
      throw new Error(error.message);
    }
    toast.success(confirming.kind === "remove" ? `${confirming.member.user.name} was removed.` : "Invitation canceled.");
    setConfirming(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="Invite someone" description="They get an email with a link to create an account and join." />
        <CardBody>
          <InviteForm businessId={businessId} roles={assignable.filter((r) => r !== "owner")} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Members" description={`${members.length} ${members.length === 1 ? "person" : "people"}`} />
        <Table>
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Email</TH>
              <TH>Role</TH>
              <TH>Joined</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {members.map((member) => (
              <TR key={member.id}>
                <TD className="font-medium">
                  {member.user.name}
                  {member.user.id === currentUserId && <span className="ml-1 text-zinc-500">(you)</span>}
                </TD>
                <TD>{member.user.email}</TD>
                <TD>
                  {canManage(member) ? (
                    <Select
                      aria-label={`Role of ${member.user.name}`}
                      value={member.role}
                      onChange={(event) => changeRole(member, event.target.value as Role)}
                      className="h-8 w-28"
                    >
                      {assignable.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Badge tone={statusTone(member.role)}>{member.role}</Badge>
                  )}
                </TD>
                <TD>{formatDate(member.createdAt)}</TD>
                <TD className="text-right">
                  {canManage(member) && (
                    <Button variant="ghost" size="sm" onClick={() => setConfirming({ kind: "remove", member })}>
                      Remove
                    </Button>
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card>
        <CardHeader title="Pending invitations" />
        {invitations.length === 0 ? (
          <CardBody>
            <EmptyState icon={Users} title="No pending invitations" description="Invite a cashier, a manager or an accountant above." />
          </CardBody>
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>Email</TH>
                <TH>Role</TH>
                <TH>Expires</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {invitations.map((invitation) => (
                <TR key={invitation.id}>
                  <TD>{invitation.email}</TD>
                  <TD>
                    <Badge tone="blue">{invitation.role ?? "staff"}</Badge>
                  </TD>
                  <TD>{formatDate(invitation.expiresAt)}</TD>
                  <TD className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => setConfirming({ kind: "cancel", invitation })}>
                      Cancel
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming?.kind === "remove" ? `Remove ${confirming.member.user.name}?` : "Cancel this invitation?"}
        description={
          confirming?.kind === "remove"
            ? `${confirming.member.user.email} loses access to this business at once. You can invite them again later.`
            : `The link sent to ${confirming?.kind === "cancel" ? confirming.invitation.email : ""} stops working.`
        }
        confirmLabel={confirming?.kind === "remove" ? "Remove member" : "Cancel invitation"}
        tone="danger"
        onConfirm={confirm}
      />
    </div>
  );
}

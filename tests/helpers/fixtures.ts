import * as register from "@/app/api/business/register/route";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import { authCall, call, signUp } from "./http";

export async function createBusiness(name = "Test Shop") {
  const owner = await signUp("owner");
  const res = await call(register.POST, "/api/business/register", { cookie: owner.cookie, body: { businessName: name } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.json)}`);
  return {
    owner,
    business: res.json.business as { id: string; name: string; slug: string },
    apiKey: res.json.apiKey.key as string,
    apiKeyId: res.json.apiKey.id as string,
  };
}

export async function invite(inviterCookie: string, businessId: string, email: string, role: Exclude<Role, "owner"> | "owner") {
  return authCall("/organization/invite-member", { cookie: inviterCookie, body: { email, role, organizationId: businessId } });
}

// Invites a new user by email, signs them up and accepts, the way the UI does.
export async function addMember(ownerCookie: string, businessId: string, role: Role) {
  const pendingUser = await signUp(role);
  const invitation = await invite(ownerCookie, businessId, pendingUser.email, role);
  if (invitation.status !== 200) throw new Error(`invite failed: ${invitation.status} ${JSON.stringify(invitation.json)}`);
  const accepted = await authCall("/organization/accept-invitation", {
    cookie: pendingUser.cookie,
    body: { invitationId: invitation.json.id },
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.json)}`);
  const member = await prisma.member.findFirstOrThrow({ where: { businessId, userId: pendingUser.userId } });
  return { ...pendingUser, memberId: member.id };
}

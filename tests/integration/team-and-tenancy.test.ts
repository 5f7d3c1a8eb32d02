import { describe, expect, it } from "vitest";
import * as businessRoute from "@/app/api/business/route";
import { prisma } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { addMember, createBusiness, invite } from "../helpers/fixtures";
import { authCall, call, signUp } from "../helpers/http";

describe("invitations", () => {
  it("emails a link that lets the invitee create an account and join as staff", async () => {
    const { owner, business } = await createBusiness("Invite Shop");
    const invitee = await signUp("cashier");
    const sent = await invite(owner.cookie, business.id, invitee.email, "staff");
    expect(sent.status).toBe(200);

    const queued = await prisma.emailMessage.findFirstOrThrow({ where: { to: invitee.email, template: "invitation" } });
    expect(queued).toMatchObject({ businessId: business.id, transport: "outbox" });
    await runDueJobs({ businessId: business.id });
    const email = await prisma.emailMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(email.status).toBe("kept");
    expect(email.html).toContain(`/accept-invitation/${sent.json.id}`);
    expect(email.text).toContain(`/accept-invitation/${sent.json.id}`);

    const accepted = await authCall("/organization/accept-invitation", {
      cookie: invitee.cookie,
      body: { invitationId: sent.json.id },
    });
    expect(accepted.status).toBe(200);
    const member = await prisma.member.findFirstOrThrow({ where: { businessId: business.id, userId: invitee.userId } });
    expect(member.role).toBe("staff");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: sent.json.id } })).status).toBe("accepted");

    const asStaff = await call(businessRoute.GET, "/api/business", { cookie: invitee.cookie });
    expect(asStaff.status).toBe(200);
    expect(asStaff.json).toMatchObject({ business: { id: business.id }, role: "staff" });
  });

  it("cannot be accepted by someone signed in with another email", async () => {
    const { owner, business } = await createBusiness("Wrong Person Shop");
    const sent = await invite(owner.cookie, business.id, "someone-else@example.test", "staff");
    const intruder = await signUp("intruder");
    const res = await authCall("/organization/accept-invitation", { cookie: intruder.cookie, body: { invitationId: sent.json.id } });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe("YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
    expect(await prisma.member.count({ where: { businessId: business.id, userId: intruder.userId } })).toBe(0);
  });
});

describe("roles", () => {
  it("staff cannot invite, change roles, or use owner-only routes", async () => {
    const { owner, business } = await createBusiness("Roles Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const ownerMember = await prisma.member.findFirstOrThrow({ where: { businessId: business.id, role: "owner" } });

    expect((await invite(staff.cookie, business.id, "new@example.test", "staff")).status).toBe(403);
    const promote = await authCall("/organization/update-member-role", {
      cookie: staff.cookie,
      body: { memberId: staff.memberId, role: "owner", organizationId: business.id },
    });
    expect(promote.status).toBe(403);
    const rename = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: staff.cookie, body: { name: "Hacked" } });
    expect(rename.status).toBe(403);
    expect(rename.json.error.code).toBe("forbidden");

    const removeOwner = await authCall("/organization/remove-member", {
      cookie: staff.cookie,
      body: { memberIdOrEmail: ownerMember.id, organizationId: business.id },
    });
    expect([400, 403]).toContain(removeOwner.status);
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).name).toBe("Roles Shop");
    expect(await prisma.member.count({ where: { id: ownerMember.id } })).toBe(1);
  });

  it("admins manage staff but cannot make owners or touch the owner", async () => {
    const { owner, business } = await createBusiness("Admin Shop");
    const admin = await addMember(owner.cookie, business.id, "admin");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const ownerMember = await prisma.member.findFirstOrThrow({ where: { businessId: business.id, role: "owner" } });

    expect((await invite(admin.cookie, business.id, "helper@example.test", "staff")).status).toBe(200);
    expect((await invite(admin.cookie, business.id, "boss@example.test", "owner")).status).toBe(403);
    const demoteOwner = await authCall("/organization/update-member-role", {
      cookie: admin.cookie,
      body: { memberId: ownerMember.id, role: "staff", organizationId: business.id },
    });
    expect(demoteOwner.status).toBe(403);
    const promoteStaff = await authCall("/organization/update-member-role", {
      cookie: admin.cookie,
      body: { memberId: staff.memberId, role: "admin", organizationId: business.id },
    });
    expect(promoteStaff.status).toBe(200);
    const rename = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: admin.cookie, body: { name: "Admin Rename" } });
    expect(rename.status).toBe(403);
    const renameViaAuth = await authCall("/organization/update", { cookie: admin.cookie, body: { data: { name: "Admin Rename" }, organizationId: business.id } });
    expect(renameViaAuth.status).toBe(403);
    expect((await prisma.business.findUniqueOrThrow({ where: { id: business.id } })).name).toBe("Admin Shop");
  });

  it("the owner renames the business; bad input is rejected naming the field", async () => {
    const { owner } = await createBusiness("Rename Shop");
    const ok = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: owner.cookie, body: { name: "Renamed Shop" } });
    expect(ok.status).toBe(200);
    expect(ok.json.business.name).toBe("Renamed Shop");
    const bad = await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: owner.cookie, body: { contactEmail: 5 } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("contactEmail");
  });
});

describe("tenancy: a user of business A never reads or changes business B", () => {
  it("refuses every cross-business action", async () => {
    const a = await createBusiness("Tenant A");
    const b = await createBusiness("Tenant B");
    const bStaff = await addMember(b.owner.cookie, b.business.id, "staff");

    const inviteIntoB = await invite(a.owner.cookie, b.business.id, "spy@example.test", "admin");
    expect(inviteIntoB.status).toBe(400);
    expect(inviteIntoB.json.code).toBe("MEMBER_NOT_FOUND");
    expect(await prisma.invitation.count({ where: { businessId: b.business.id, email: "spy@example.test" } })).toBe(0);

    const promote = await authCall("/organization/update-member-role", {
      cookie: a.owner.cookie,
      body: { memberId: bStaff.memberId, role: "admin", organizationId: b.business.id },
    });
    expect(promote.status).toBe(400);
    expect(promote.json.code).toBe("MEMBER_NOT_FOUND");
    const viaOwnBusiness = await authCall("/organization/update-member-role", {
      cookie: a.owner.cookie,
      body: { memberId: bStaff.memberId, role: "admin", organizationId: a.business.id },
    });
    expect(viaOwnBusiness.status).toBe(403);
    expect(viaOwnBusiness.json.code).toBe("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
    const remove = await authCall("/organization/remove-member", {
      cookie: a.owner.cookie,
      body: { memberIdOrEmail: bStaff.memberId, organizationId: b.business.id },
    });
    expect(remove.status).toBe(400);
    expect(remove.json.code).toBe("MEMBER_NOT_FOUND");
    expect((await prisma.member.findUniqueOrThrow({ where: { id: bStaff.memberId } })).role).toBe("staff");

    const setActive = await authCall("/organization/set-active", { cookie: a.owner.cookie, body: { organizationId: b.business.id } });
    expect(setActive.status).toBe(403);
    expect(setActive.json.code).toBe("USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
    const readB = await authCall(`/organization/get-full-organization?organizationId=${b.business.id}`, {
      method: "GET",
      cookie: a.owner.cookie,
    });
    expect(readB.status).toBe(403);
    expect(readB.json.code).toBe("USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");

    const mine = await call(businessRoute.GET, "/api/business", { cookie: a.owner.cookie });
    expect(mine.json.business.id).toBe(a.business.id);
    await call(businessRoute.PATCH, "/api/business", { method: "PATCH", cookie: a.owner.cookie, body: { name: "A Renamed" } });
    expect((await prisma.business.findUniqueOrThrow({ where: { id: b.business.id } })).name).toBe("Tenant B");
  });

  it("a user in two businesses acts on the one they switched to", async () => {
    const a = await createBusiness("Switch A");
    const b = await createBusiness("Switch B");
    const both = await addMember(a.owner.cookie, a.business.id, "staff");
    const inv = await invite(b.owner.cookie, b.business.id, both.email, "admin");
    await authCall("/organization/accept-invitation", { cookie: both.cookie, body: { invitationId: inv.json.id } });

    const switched = await authCall("/organization/set-active", { cookie: both.cookie, body: { organizationId: b.business.id } });
    expect(switched.status).toBe(200);
    const current = await call(businessRoute.GET, "/api/business", { cookie: both.cookie });
    expect(current.json).toMatchObject({ business: { id: b.business.id }, role: "admin" });
  });
});

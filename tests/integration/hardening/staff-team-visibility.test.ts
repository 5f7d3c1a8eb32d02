import { describe, expect, it } from "vitest";
import { addMember, createBusiness, invite } from "../../helpers/fixtures";
import { authCall } from "../../helpers/http";

const get = (path: string, cookie: string) => authCall(path, { method: "GET", cookie });

describe("staff do not see the team through Better Auth", () => {
  it("list-members, get-full-organization, list-invitations and others' roles → 403 for staff", async () => {
    const { owner, business } = await createBusiness("Hidden Team Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    await invite(owner.cookie, business.id, "pending-cashier@example.test", "staff");

    for (const path of [
      "/organization/list-members",
      `/organization/list-members?organizationId=${business.id}`,
      `/organization/list-members?organizationSlug=${business.slug}`,
      "/organization/get-full-organization",
      `/organization/get-full-organization?organizationId=${business.id}`,
      `/organization/list-invitations?organizationId=${business.id}`,
      `/organization/get-active-member-role?userId=${owner.userId}`,
    ]) {
      const res = await get(path, staff.cookie);
      expect({ path, status: res.status, code: res.json?.code }).toEqual({ path, status: 403, code: "FORBIDDEN" });
      expect(JSON.stringify(res.json)).not.toContain(owner.email);
    }
  });

  it("staff still see their own role; owners and admins see the team", async () => {
    const { owner, business } = await createBusiness("Visible Team Shop");
    const staff = await addMember(owner.cookie, business.id, "staff");
    const admin = await addMember(owner.cookie, business.id, "admin");

    const ownRole = await get("/organization/get-active-member-role", staff.cookie);
    expect(ownRole.status).toBe(200);
    expect(ownRole.json.role).toBe("staff");

    for (const cookie of [owner.cookie, admin.cookie]) {
      const members = await get("/organization/list-members", cookie);
      expect(members.status).toBe(200);
      expect(members.json.members.map((m: { role: string }) => m.role).sort()).toEqual(["admin", "owner", "staff"]);
      const full = await get("/organization/get-full-organization", cookie);
      expect(full.status).toBe(200);
      expect(full.json.members).toHaveLength(3);
    }
  });
});

import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

// Roles inside a business. The dashboard and our routes compare ranks (DESIGN.md "Roles");
// Better Auth's access control governs its own team endpoints (invite, change role, remove).
export const roles = ["owner", "admin", "staff"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { staff: 0, admin: 1, owner: 2 };

export function hasRole(actual: string, required: Role): boolean {
  return actual in rank && rank[actual as Role] >= rank[required];
}

export const accessControl = createAccessControl(defaultStatements);
export const accessRoles = {
  owner: accessControl.newRole(ownerAc.statements),
  // Renaming the business is the owner's (PATCH /api/business), so admins get no organization rights here.
  admin: accessControl.newRole({ ...adminAc.statements, organization: [] }),
  staff: accessControl.newRole(memberAc.statements),
};

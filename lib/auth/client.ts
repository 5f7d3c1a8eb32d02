"use client";
import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { accessControl, accessRoles } from "./roles";

export const authClient = createAuthClient({
  plugins: [organizationClient({ ac: accessControl, roles: accessRoles })],
});

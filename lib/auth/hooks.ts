import { createAuthMiddleware } from "better-auth/api";
import { validateAuthInput } from "./input-hooks";
import { hideTeamFromStaff } from "./team-visibility";

// Runs before every Better Auth endpoint: input checks and the password policy, then who may read the team.
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  validateAuthInput(ctx);
  await hideTeamFromStaff(ctx);
});

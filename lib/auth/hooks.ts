import { createAuthMiddleware } from "better-auth/api";
import { validateAuthInput } from "./input-hooks";
import { hideTeamFromStaff } from "./team-visibility";

// Runs before every Better Auth endpoint: input checks and the password policy, then who may read the team.
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  validateAuthInput(ctx);
  await hideTeamFromStaff(ctx);
});

// The session lives in an HttpOnly cookie; a copy of its token in a JSON body is one script injection away from
// being stolen, and our pages never read it. Server-side auth.api calls (no request) keep it.
export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  if (!ctx.request) return;
  const returned = ctx.context.returned as Record<string, unknown> | null | undefined;
  if (!returned || typeof returned !== "object" || returned instanceof Response || returned instanceof Error) return;
  if ((ctx.path === "/sign-in/email" || ctx.path === "/sign-up/email") && "token" in returned) {
    const { token: _token, ...rest } = returned;
    return ctx.json(rest);
  }
  if (ctx.path === "/get-session" && returned.session && typeof returned.session === "object") {
    const { token: _token, ...session } = returned.session as Record<string, unknown>;
    return ctx.json({ ...returned, session });
  }
});

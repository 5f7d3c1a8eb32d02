import { createAuthMiddleware } from "better-auth/api";
import { recordTeamChange, rememberPreviousRole } from "@/lib/audit/team-audit-hooks";
import { validateAuthInput } from "./input-hooks";
import { hideTeamFromStaff } from "./team-visibility";

// Runs before every Better Auth endpoint: input checks and the password policy, who may read the team, and the
// role a member had before a change (for the audit log).
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  validateAuthInput(ctx);
  await hideTeamFromStaff(ctx);
  await rememberPreviousRole(ctx);
});

// After: team changes go to the audit log. The session lives in an HttpOnly cookie; a copy of a session token in a
// JSON body (sign-in and sign-up, get-session, list-sessions, change-password's new session) is one script
// injection away from being stolen, and our pages never read it. Server-side auth.api calls (no request) keep it.
export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  await recordTeamChange(ctx);
  if (!ctx.request) return;
  const returned = ctx.context.returned;
  if (!returned || typeof returned !== "object" || returned instanceof Response || returned instanceof Error) return;
  const tokenless = withoutSessionTokens(returned);
  if (tokenless !== returned) return ctx.json(tokenless);
});

// The body without `token` at its top, in its `session`, or in the sessions of a list; the same object when it has none.
function withoutSessionTokens(body: object): object {
  if (Array.isArray(body)) {
    const sessions = body.map((item) => (item && typeof item === "object" ? withoutSessionTokens(item) : item));
    return sessions.some((session, i) => session !== body[i]) ? sessions : body;
  }
  const { token, session, ...rest } = body as Record<string, unknown>;
  const tokenlessSession = session && typeof session === "object" ? withoutSessionTokens(session) : session;
  if (token === undefined && tokenlessSession === session) return body;
  return session === undefined ? rest : { ...rest, session: tokenlessSession };
}

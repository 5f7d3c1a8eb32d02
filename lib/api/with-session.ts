import { auth, type AuthSession } from "@/lib/auth";
import { findCurrentMember, type CurrentMember } from "@/lib/auth/current-member";
import { hasRole, type Role } from "@/lib/auth/roles";
import { ApiError, handleApiError } from "./errors";
import { assertSameOriginWrite } from "./same-origin";

export interface SessionContext<P> {
  session: AuthSession["session"];
  user: AuthSession["user"];
  params: P;
}

export interface MemberContext<P> extends SessionContext<P> {
  member: CurrentMember;
}

type RouteContext<P> = { params: Promise<P> };

// Session routes: a signed-in user, and unless `role` is null, a membership of the active business
// with at least that role. Every query the handler makes filters by ctx.member.businessId.
// Unsafe methods must come from our own origin, with a JSON body if any (CSRF).
export function withSession<P = Record<string, string>>(
  handler: (req: Request, ctx: MemberContext<P>) => Promise<Response>,
  options: { role: Role },
): (req: Request, route: RouteContext<P>) => Promise<Response>;
export function withSession<P = Record<string, string>>(
  handler: (req: Request, ctx: SessionContext<P>) => Promise<Response>,
  options: { role: null },
): (req: Request, route: RouteContext<P>) => Promise<Response>;
export function withSession<P>(
  handler: (req: Request, ctx: MemberContext<P>) => Promise<Response>,
  { role }: { role: Role | null },
) {
  return async (req: Request, route: RouteContext<P>) => {
    try {
      assertSameOriginWrite(req);
      const current = await auth.api.getSession({ headers: req.headers });
      if (!current) throw new ApiError("unauthorized", "Sign in to continue.");
      const params = (await route?.params) ?? ({} as P);
      if (role === null) return await handler(req, { ...current, params } as MemberContext<P>);

      const member = await findCurrentMember(current.user.id, current.session.activeOrganizationId);
      if (!member) throw new ApiError("no_active_business", "Create or join a business first.");
      if (!hasRole(member.role, role)) {
        throw new ApiError("forbidden", `This needs the ${role} role; you are ${member.role}.`);
      }
      return await handler(req, { ...current, params, member });
    } catch (error) {
      return handleApiError(error);
    }
  };
}

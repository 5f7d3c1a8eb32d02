import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";
import { findCurrentMember } from "./current-member";

// For server components: one session lookup per request, shared by layouts and pages.
export const getPageSession = cache(async () => auth.api.getSession({ headers: await headers() }));

export async function requireUser() {
  const session = await getPageSession();
  if (!session) redirect("/sign-in");
  return session;
}

export const requireMember = cache(async () => {
  const session = await requireUser();
  const member = await findCurrentMember(session.user.id, session.session.activeOrganizationId);
  if (!member) redirect("/onboarding");
  return { ...session, member };
});

import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { authCall, cookieFrom, signUp } from "../../helpers/http";

describe("the session token stays in its HttpOnly cookie", () => {
  it("sign-up, sign-in, get-session, list-sessions and change-password bodies do not carry it; the cookie still works", async () => {
    const user = await signUp("tokenless");
    const signIn = await authCall("/sign-in/email", { body: { email: user.email, password: user.password } });
    expect(signIn.status).toBe(200);
    expect(signIn.json).not.toHaveProperty("token");
    expect(signIn.json.user.email).toBe(user.email);
    const token = cookieFrom(signIn.headers).match(/session_token=([^.;]+)/)![1];

    const session = await authCall("/get-session", { method: "GET", cookie: cookieFrom(signIn.headers) });
    expect(session.status).toBe(200);
    expect(session.json.user.email).toBe(user.email);
    expect(session.json.session).not.toHaveProperty("token");
    expect(JSON.stringify(session.json)).not.toContain(token);
    expect(JSON.stringify(signIn.json)).not.toContain(token);

    const sessions = await authCall("/list-sessions", { method: "GET", cookie: cookieFrom(signIn.headers) });
    expect(sessions.status).toBe(200);
    expect(sessions.json.length).toBeGreaterThanOrEqual(2); // sign-up's session and sign-in's
    for (const listed of sessions.json) {
      expect(listed).not.toHaveProperty("token");
      expect(listed.userId).toBe(session.json.user.id);
    }
    expect(JSON.stringify(sessions.json)).not.toContain(token);

    // Changing the password with revokeOtherSessions answers with a new session: its token only in the cookie.
    const changed = await authCall("/change-password", {
      body: { currentPassword: user.password, newPassword: `${user.password}-2`, revokeOtherSessions: true },
      cookie: cookieFrom(signIn.headers),
    });
    expect(changed.status).toBe(200);
    expect(changed.json).not.toHaveProperty("token");
    expect(changed.json.user.email).toBe(user.email);
    const newToken = cookieFrom(changed.headers).match(/session_token=([^.;]+)/)![1];
    expect(newToken).not.toBe(token);
    expect(JSON.stringify(changed.json)).not.toContain(newToken);

    // Server code (auth.api, no request) still sees the whole session.
    const server = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(changed.headers) }) });
    expect(server?.session.token).toBe(newToken);
  });
});

import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { authCall, cookieFrom, signUp } from "../../helpers/http";

describe("the session token stays in its HttpOnly cookie", () => {
  it("sign-up, sign-in and get-session bodies do not carry it; the cookie still works", async () => {
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

    // Server code (auth.api, no request) still sees the whole session.
    const server = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(signIn.headers) }) });
    expect(server?.session.token).toBe(token);
  });
});

import { describe, expect, it } from "vitest";

// Its own file: lib/env is read once per module graph, and here the app's URL is https.
process.env.APP_URL = "https://app.tangabiz.example";

describe("session cookie on an https APP_URL", () => {
  it("is Secure (and __Secure- prefixed), HttpOnly, SameSite=Lax; the token is not in the JSON body", async () => {
    const { auth } = await import("@/lib/auth");
    const res = await auth.handler(
      new Request("https://app.tangabiz.example/api/auth/sign-up/email", {
        method: "POST",
        headers: { origin: "https://app.tangabiz.example", "content-type": "application/json" },
        body: JSON.stringify({ email: "secure-cookie@example.test", password: "kudu-3-fig-tree", name: "Secure" }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token="));
    expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    const body = await res.json();
    expect(body.user.email).toBe("secure-cookie@example.test");
    expect(body).not.toHaveProperty("token");
  });
});

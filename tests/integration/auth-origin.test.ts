import { describe, expect, it } from "vitest";
import { authCall, signUp } from "../helpers/http";

describe("sign-in from an origin that is not trusted", () => {
  it("is refused with a message that says what to set", async () => {
    const { email, password } = await signUp("origin");
    const res = await authCall("/sign-in/email", { body: { email, password }, headers: { origin: "http://localhost:3555" }, cookie: "seen=1" });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe("INVALID_ORIGIN");
    expect(res.json.message).toContain("APP_URL=http://localhost:3555");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("works from APP_URL", async () => {
    const { email, password } = await signUp("origin-ok");
    const res = await authCall("/sign-in/email", { body: { email, password }, cookie: "seen=1" });
    expect(res.status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authCall, signUp, uniqueEmail } from "../../helpers/http";

const signUpWith = (password: string) => authCall("/sign-up/email", { body: { email: uniqueEmail("weak"), password, name: "Weak" } });

describe("password policy", () => {
  it.each([
    ["password", "Password must be at least 10 characters."],
    ["12345678", "Password must be at least 10 characters."],
    ["        ", "Password cannot be only spaces."],
    ["            ", "Password cannot be only spaces."],
    ["1234567890", "This is one of the most common passwords and is easy to guess. Choose another."],
    ["qwertyuiop", "This is one of the most common passwords and is easy to guess. Choose another."],
    ["Password123", "This is one of the most common passwords and is easy to guess. Choose another."],
    ["short-pw", "Password must be at least 10 characters."],
  ])("sign-up with %j → 400 WEAK_PASSWORD: %s", async (password, message) => {
    const before = await prisma.user.count();
    const res = await signUpWith(password);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: "WEAK_PASSWORD", message });
    expect(await prisma.user.count()).toBe(before);
  });

  it("a 10-character uncommon password is accepted", async () => {
    expect((await signUpWith("kudu-3-fig")).status).toBe(200);
  });

  it("reset-password and change-password apply the same policy", async () => {
    const user = await signUp("changer");
    const change = await authCall("/change-password", {
      cookie: user.cookie,
      body: { currentPassword: user.password, newPassword: "1234567890" },
    });
    expect(change.status).toBe(400);
    expect(change.json.code).toBe("WEAK_PASSWORD");
    const reset = await authCall("/reset-password", { body: { token: "whatever-token", newPassword: "password" } });
    expect(reset.status).toBe(400);
    expect(reset.json.code).toBe("WEAK_PASSWORD");
  });
});

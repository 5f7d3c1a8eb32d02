import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authCall, signUp } from "../helpers/http";

describe("password reset by email", () => {
  it("stores the email in the outbox and the link sets a new password once", async () => {
    const user = await signUp("forgetful", "old-password-123");
    const requested = await authCall("/request-password-reset", { body: { email: user.email, redirectTo: "/reset-password" } });
    expect(requested.status).toBe(200);

    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, template: "reset-password" } });
    const link = email.text.match(/https?:\/\/\S+\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const token = link![1];

    const reset = await authCall("/reset-password", { body: { token, newPassword: "new-password-456" } });
    expect(reset.status).toBe(200);
    const again = await authCall("/reset-password", { body: { token, newPassword: "third-password-789" } });
    expect(again.status).toBe(400);

    expect((await authCall("/sign-in/email", { body: { email: user.email, password: "old-password-123" } })).status).toBe(401);
    expect((await authCall("/sign-in/email", { body: { email: user.email, password: "new-password-456" } })).status).toBe(200);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await prisma.emailMessage.count();
    const res = await authCall("/request-password-reset", { body: { email: "nobody-here@example.test" } });
    expect(res.status).toBe(200);
    expect(await prisma.emailMessage.count()).toBe(before);
  });
});

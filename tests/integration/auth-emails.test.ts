import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { keptEmailLine } from "@/lib/email/deliver-email";
import { drainEmail } from "../helpers/jobs";
import { createBusiness } from "../helpers/fixtures";
import { authCall, signUp } from "../helpers/http";

const verificationLink = (text: string) => text.match(/https?:\/\/\S+\/api\/auth\/verify-email\?\S+/)?.[0];

describe("emails without an email provider", () => {
  it("sign-up queues an email confirmation that belongs to no business; its link confirms the address", async () => {
    const user = await signUp("verify");
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, template: "verify-email" } });
    expect(email).toMatchObject({ businessId: null, transport: "outbox", subject: "Confirm your email address for Tangabiz" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).emailVerified).toBe(false);

    // Nothing left the machine: "kept", never "sent".
    expect(await drainEmail(email.id)).toMatchObject({ status: "kept", attempts: 1, sentAt: null });

    const link = verificationLink(email.text);
    expect(link).toContain("callbackURL=%2Fdashboard");
    const url = new URL(link!);
    const verified = await authCall(`/verify-email${url.search}`, { method: "GET" });
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe("/dashboard");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).emailVerified).toBe(true);
  });

  it("a signed-in unconfirmed user can ask for the confirmation again", async () => {
    const user = await signUp("resend");
    const res = await authCall("/send-verification-email", { cookie: user.cookie, body: { email: user.email, callbackURL: "/dashboard" } });
    expect(res.status).toBe(200);
    expect(await prisma.emailMessage.count({ where: { to: user.email, template: "verify-email" } })).toBe(2);
  });

  it("registration queues the welcome email with the business, in the same transaction", async () => {
    const { owner, business } = await createBusiness("Welcome Hardware");
    const welcome = await prisma.emailMessage.findFirstOrThrow({ where: { to: owner.email, template: "welcome" } });
    expect(welcome).toMatchObject({ businessId: business.id, subject: "Welcome to Tangabiz: Welcome Hardware is ready" });
    expect(welcome.text).toContain("http://localhost:3000/dashboard/api-keys");
    expect(await prisma.job.count({ where: { dedupeKey: `email:${welcome.id}` } })).toBe(1);
  });

  it("prints one console line per kept email with its links", () => {
    const line = keptEmailLine({
      to: "owner@example.test",
      subject: "Reset your Tangabiz password",
      html: '<a href="http://localhost:3000/reset-password?token=abc&amp;x=1">Reset</a><a href="http://localhost:3000/reset-password?token=abc&amp;x=1">again</a>',
    });
    expect(line).toBe("email kept in outbox → owner@example.test: Reset your Tangabiz password http://localhost:3000/reset-password?token=abc&x=1");
  });
});

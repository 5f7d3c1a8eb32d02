import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { vi } from "vitest";
import * as listRoute from "@/app/api/emails/route";
import * as sendAgainRoute from "@/app/api/emails/[id]/send-again/route";
import { prisma } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { addMember, createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";

const fake = await vi.hoisted(async () => (await import("../fakes/resend-server")).startFakeResendForApp());
afterAll(() => fake.close());
beforeEach(() => {
  fake.recover();
  fake.delayMs = 0;
});

const minute = 60_000;
const hour = 60 * minute;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function queueOne(businessId: string, to = `${randomBytes(4).toString("hex")}@example.test`) {
  return prisma.$transaction((tx) =>
    queueEmail(tx, { template: "test", to, subject: "Your receipt", body: createElement("p", null, "Paid, thank you."), businessId }),
  );
}

const messageOf = (id: string) => prisma.emailMessage.findUniqueOrThrow({ where: { id } });
const jobOf = (id: string) => prisma.job.findUniqueOrThrow({ where: { dedupeKey: `email:${id}` } });

describe("email outbox through Resend (local fake)", () => {
  it("sends a queued message once, with the message id as Resend's idempotency key", async () => {
    const { business } = await createBusiness("Resend Shop");
    const message = await queueOne(business.id);
    expect(message).toMatchObject({ status: "queued", transport: "resend" });

    expect(await runDueJobs({ businessId: business.id })).toMatchObject({ claimed: 2, succeeded: 2 }); // + welcome
    const sent = fake.sentTo(message.to);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ idempotencyKey: `email/${message.id}`, subject: "Your receipt", from: "Tangabiz <no-reply@tangabiz.local>" });
    expect(sent[0].text).toContain("Paid, thank you.");
    expect(await messageOf(message.id)).toMatchObject({ status: "sent", attempts: 1, providerMessageId: sent[0].id, error: null });
  });

  it("a retry after a lost answer reuses the idempotency key, and Resend does not send twice", async () => {
    const { business } = await createBusiness("Lost Answer Shop");
    const message = await queueOne(business.id);
    await runDueJobs({ businessId: business.id });
    // As if the process died after Resend accepted the message but before we recorded it.
    await prisma.emailMessage.update({ where: { id: message.id }, data: { status: "queued", providerMessageId: null } });
    await prisma.job.update({ where: { dedupeKey: `email:${message.id}` }, data: { status: "queued", runAt: new Date(0) } });
    await runDueJobs({ businessId: business.id });

    expect(fake.requests.filter((r) => r.idempotencyKey === `email/${message.id}`)).toHaveLength(2);
    expect(fake.sentTo(message.to)).toHaveLength(1);
    expect((await messageOf(message.id)).providerMessageId).toBe(fake.sentTo(message.to)[0].id);
  });

  it("retries a failing send on schedule and marks it failed with the last error after 5 attempts", async () => {
    const { business } = await createBusiness("Failing Shop");
    await runDueJobs({ businessId: business.id }); // the welcome email
    const message = await queueOne(business.id);
    fake.failWith({ status: 500, name: "internal_server_error", message: "An unexpected error occurred." }, Infinity);

    const start = later(new Date(), 1000);
    const schedule = [0, 5 * minute, 35 * minute, 2 * hour + 35 * minute, 22 * hour + 35 * minute];
    for (const [index, offset] of schedule.entries()) {
      const attempt = index + 1;
      // Not before its time…
      if (offset > 0) expect((await runDueJobs({ businessId: business.id, now: () => later(start, offset - 1000) })).claimed).toBe(0);
      // …and at it.
      const run = await runDueJobs({ businessId: business.id, now: () => later(start, offset) });
      expect(run).toMatchObject({ claimed: 1, ...(attempt < 5 ? { retried: 1 } : { failed: 1 }) });
      const row = await messageOf(message.id);
      expect(row.attempts).toBe(attempt);
      expect(row.error).toBe("Resend 500 internal_server_error: An unexpected error occurred.");
      if (attempt < 5) {
        expect(row.status).toBe("queued");
        expect(row.nextAttemptAt).toEqual(later(start, schedule[attempt]));
      } else {
        expect(row.status).toBe("failed");
        expect(row.nextAttemptAt).toBeNull();
      }
    }
    expect(await jobOf(message.id)).toMatchObject({ status: "failed", attempts: 5, maxAttempts: 5 });
    expect((await runDueJobs({ businessId: business.id, now: () => later(start, 7 * 24 * hour) })).claimed).toBe(0);
    expect(fake.requests.filter((r) => r.idempotencyKey === `email/${message.id}`)).toHaveLength(5);
    expect(fake.sentTo(message.to)).toHaveLength(0);
  });

  it("gives up at once on a message Resend refuses as invalid", async () => {
    const { business } = await createBusiness("Invalid Shop");
    await runDueJobs({ businessId: business.id });
    const message = await queueOne(business.id);
    fake.failWith({ status: 422, name: "validation_error", message: "Invalid `to` field." });
    expect(await runDueJobs({ businessId: business.id })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await messageOf(message.id)).toMatchObject({ status: "failed", attempts: 1, error: "Resend 422 validation_error: Invalid `to` field." });
  });

  it("waits at least as long as Resend's Retry-After when rate limited", async () => {
    const { business } = await createBusiness("Busy Shop");
    await runDueJobs({ businessId: business.id });
    const message = await queueOne(business.id);
    fake.failWith({ status: 429, name: "rate_limit_exceeded", message: "Too many requests.", retryAfterSeconds: 900 });
    const start = later(new Date(), 1000);
    await runDueJobs({ businessId: business.id, now: () => start });
    expect(await messageOf(message.id)).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: later(start, 15 * minute) });
  });

  it("never sends a message queued in a transaction that rolled back", async () => {
    const { business } = await createBusiness("Rollback Resend Shop");
    const to = `rolled-back-${randomBytes(4).toString("hex")}@example.test`;
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, { template: "test", to, subject: "Never", body: createElement("p", null, "x"), businessId: business.id });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    await runDueJobs({ businessId: business.id, now: () => later(new Date(), 2 * 24 * hour) });
    expect(await prisma.emailMessage.count({ where: { to } })).toBe(0);
    expect(fake.sentTo(to)).toHaveLength(0);
    expect(fake.requests.some((r) => r.idempotencyKey === null)).toBe(false);
  });

  it("two drains at once send each message exactly once", async () => {
    const { business } = await createBusiness("Two Drains Shop");
    await runDueJobs({ businessId: business.id });
    const messages = await prisma.$transaction(async (tx) =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          queueEmail(tx, { template: "test", to: `drain-${i}-${business.id}@example.test`, subject: `Drain ${i}`, body: createElement("p", null, "x"), businessId: business.id }),
        ),
      ),
    );
    fake.delayMs = 30;
    const requestsBefore = fake.requests.length;
    const runs = await Promise.all([
      runDueJobs({ businessId: business.id, batchSize: 4 }),
      runDueJobs({ businessId: business.id, batchSize: 4 }),
      runDueJobs({ businessId: business.id, batchSize: 4 }),
    ]);
    expect(runs.reduce((sum, run) => sum + run.succeeded, 0)).toBe(16);
    expect(fake.requests.length - requestsBefore).toBe(16);
    for (const message of messages) {
      const copies = fake.sentTo(message.to);
      expect(copies).toHaveLength(1);
      expect(await messageOf(message.id)).toMatchObject({ status: "sent", attempts: 1, providerMessageId: copies[0].id });
    }
  });
});

describe("outbox API and Send again", () => {
  it("lists the business's messages with status, attempts, next attempt and error; owners send a failed one again", async () => {
    const { owner, business } = await createBusiness("Send Again Shop");
    await runDueJobs({ businessId: business.id });
    const message = await queueOne(business.id);
    fake.failWith({ status: 422, name: "validation_error", message: "Invalid `from` field." });
    await runDueJobs({ businessId: business.id });

    const listed = await call(listRoute.GET, "/api/emails", { cookie: owner.cookie });
    expect(listed.status).toBe(200);
    const row = listed.json.emails.find((email: { id: string }) => email.id === message.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null, error: "Resend 422 validation_error: Invalid `from` field." });
    expect(row.html).toBeUndefined();

    const again = await call(sendAgainRoute.POST, `/api/emails/${message.id}/send-again`, { method: "POST", cookie: owner.cookie, params: { id: message.id } });
    expect(again.status).toBe(200);
    expect(again.json.email).toMatchObject({ id: message.id, status: "queued", attempts: 0, error: null });
    expect(await jobOf(message.id)).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    expect(await prisma.auditLog.count({ where: { businessId: business.id, action: "email.sent_again", entityId: message.id } })).toBe(1);

    await runDueJobs({ businessId: business.id });
    expect(await messageOf(message.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(fake.sentTo(message.to)).toHaveLength(1);

    const twice = await call(sendAgainRoute.POST, `/api/emails/${message.id}/send-again`, { method: "POST", cookie: owner.cookie, params: { id: message.id } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("conflict");
  });

  it("refuses staff (403) and another business's message (404), changing nothing", async () => {
    const { owner, business } = await createBusiness("Guarded Outbox Shop");
    await runDueJobs({ businessId: business.id });
    const message = await queueOne(business.id);
    fake.failWith({ status: 422, name: "validation_error", message: "Invalid." });
    await runDueJobs({ businessId: business.id });
    const staff = await addMember(owner.cookie, business.id, "staff");
    const other = await createBusiness("Other Outbox Shop");

    const byStaff = await call(sendAgainRoute.POST, `/api/emails/${message.id}/send-again`, { method: "POST", cookie: staff.cookie, params: { id: message.id } });
    expect(byStaff.status).toBe(403);
    expect(byStaff.json.error.code).toBe("forbidden");
    const staffList = await call(listRoute.GET, "/api/emails", { cookie: staff.cookie });
    expect(staffList.status).toBe(403);

    const byOther = await call(sendAgainRoute.POST, `/api/emails/${message.id}/send-again`, { method: "POST", cookie: other.owner.cookie, params: { id: message.id } });
    expect(byOther.status).toBe(404);
    expect(byOther.json.error.code).toBe("not_found");
    const otherList = await call(listRoute.GET, "/api/emails", { cookie: other.owner.cookie });
    expect(otherList.json.emails.some((email: { id: string }) => email.id === message.id)).toBe(false);

    expect(await messageOf(message.id)).toMatchObject({ status: "failed", attempts: 1 });
  });
});

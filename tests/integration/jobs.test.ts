import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import * as emailsCron from "@/app/api/cron/emails/route";
import { prisma } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { createBusiness } from "../helpers/fixtures";
import { call } from "../helpers/http";

const body = createElement("p", null, "Hello");
const email = (businessId: string, to = `${randomBytes(4).toString("hex")}@example.test`) => ({
  template: "test",
  to,
  subject: "Hello",
  body,
  businessId,
});

describe("job mechanism", () => {
  it("never sends an email queued in a transaction that rolled back", async () => {
    const { business } = await createBusiness("Rollback Shop");
    const to = "rolled-back@example.test";
    await expect(
      prisma.$transaction(async (tx) => {
        await queueEmail(tx, email(business.id, to));
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await prisma.emailMessage.count({ where: { to } })).toBe(0);

  });

  it("sends each queued email once, even with two drains at once", async () => {
    const { business } = await createBusiness("Drain Shop");
    await prisma.job.deleteMany({ where: { businessId: business.id } });
    const messages = await prisma.$transaction(async (tx) =>
      Promise.all(Array.from({ length: 12 }, () => queueEmail(tx, email(business.id)))),
    );
    const [a, b] = await Promise.all([
      runDueJobs({ businessId: business.id, batchSize: 3 }),
      runDueJobs({ businessId: business.id, batchSize: 3 }),
    ]);
    expect(a.claimed + b.claimed).toBe(12);
    expect(a.succeeded + b.succeeded).toBe(12);
    const sent = await prisma.emailMessage.findMany({ where: { id: { in: messages.map((m) => m.id) } } });
    expect(sent.every((m) => m.status === "kept" && m.attempts === 1)).toBe(true);
    expect(await runDueJobs({ businessId: business.id })).toEqual({ claimed: 0, succeeded: 0, retried: 0, failed: 0 });
  });

  it("ignores a second job with the same dedupe key", async () => {
    const { business } = await createBusiness("Dedupe Shop");
    const key = `test:${randomBytes(4).toString("hex")}`;
    await prisma.$transaction(async (tx) => {
      await enqueueJob(tx, { kind: "email.send", payload: { emailMessageId: "x" }, businessId: business.id, dedupeKey: key });
      await enqueueJob(tx, { kind: "email.send", payload: { emailMessageId: "y" }, businessId: business.id, dedupeKey: key });
    });
    expect(await prisma.job.count({ where: { dedupeKey: key } })).toBe(1);
  });

  it("fails a job whose record is gone at once, and claims a job again when its lease ran out", async () => {
    const { business } = await createBusiness("Lease Shop");
    await prisma.job.deleteMany({ where: { businessId: business.id } });
    await prisma.$transaction((tx) =>
      enqueueJob(tx, { kind: "email.send", payload: { emailMessageId: "missing" }, businessId: business.id }),
    );
    expect(await runDueJobs({ businessId: business.id })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await prisma.job.findFirstOrThrow({ where: { businessId: business.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "Email missing no longer exists",
    });

    const message = await prisma.$transaction((tx) => queueEmail(tx, email(business.id)));
    const job = await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `email:${message.id}` } });
    const crashedAt = new Date(Date.now() - 10 * 60_000);
    await prisma.job.update({ where: { id: job.id }, data: { status: "running", attempts: 1, lockedUntil: crashedAt } });
    expect(await runDueJobs({ businessId: business.id })).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("drains from the cron route with the cron secret only", async () => {
    const { business } = await createBusiness("Cron Shop");
    const message = await prisma.$transaction((tx) => queueEmail(tx, email(business.id)));
    // Oldest first: on the shared PostgreSQL test database other files' queued emails must not crowd it out.
    await prisma.job.update({ where: { dedupeKey: `email:${message.id}` }, data: { runAt: new Date(0) } });
    const refused = await call(emailsCron.GET, "/api/cron/emails");
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe("unauthorized");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("queued");

    const res = await call(emailsCron.GET, "/api/cron/emails", { headers: { authorization: "Bearer test-cron-secret-0123456789" } });
    expect(res.status).toBe(200);
    expect(res.json.job).toBe("emails");
    expect((await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("kept");
  });
});

import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobKinds } from "@/lib/jobs/job-kinds";
import { kickJobs } from "@/lib/jobs/kick-jobs";
import { outboxFields } from "./outbox-fields";

const SEND_JOB = "email.send";

// "Send again" for a message that used up its attempts: the message and its job go back to queued with a
// fresh set of attempts, in one transaction that only matches a failed message of this business.
export async function sendEmailAgain(businessId: string, messageId: string, actorUserId: string) {
  const message = await prisma.$transaction(async (tx) => {
    const requeued = await tx.emailMessage.updateMany({
      where: { id: messageId, businessId, status: "failed" },
      data: { status: "queued", attempts: 0, nextAttemptAt: new Date(), error: null },
    });
    if (requeued.count === 0) {
      const existing = await tx.emailMessage.findFirst({ where: { id: messageId, businessId }, select: { status: true } });
      if (!existing) throw new ApiError("not_found", "No such email in this business's outbox.");
      throw new ApiError("conflict", `Only a failed email can be sent again; this one is ${existing.status}.`);
    }
    const job = await tx.job.updateMany({
      where: { dedupeKey: `email:${messageId}` },
      data: {
        status: "queued",
        attempts: 0,
        maxAttempts: jobKinds[SEND_JOB].retryDelaysMs.length + 1,
        runAt: new Date(),
        lockedUntil: null,
        lastError: null,
        finishedAt: null,
      },
    });
    if (job.count === 0) {
      await enqueueJob(tx, { kind: SEND_JOB, payload: { emailMessageId: messageId }, businessId, dedupeKey: `email:${messageId}` });
    }
    await tx.auditLog.create({
      data: { businessId, actorUserId, action: "email.sent_again", entityType: "email", entityId: messageId },
    });
    return tx.emailMessage.findUniqueOrThrow({ where: { id: messageId }, select: outboxFields });
  });
  kickJobs();
  return message;
}

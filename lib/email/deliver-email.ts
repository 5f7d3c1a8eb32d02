import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PermanentJobError } from "@/lib/jobs/job-errors";
import type { JobContext, JobFailure } from "@/lib/jobs/job-kinds";
import { linksIn } from "./links-in";
import { sendWithResend } from "./resend-transport";

const payloadSchema = z.object({ emailMessageId: z.string() });

// The `email.send` job. Without an email provider nothing leaves the machine: the message is "kept" in the
// outbox (and printed with its links, so a developer can follow a reset or invitation link), never "sent".
export async function deliverEmail(payload: unknown, ctx: JobContext) {
  const { emailMessageId } = payloadSchema.parse(payload);
  const message = await prisma.emailMessage.findUnique({ where: { id: emailMessageId } });
  if (!message) throw new PermanentJobError(`Email ${emailMessageId} no longer exists`);
  if (message.status === "sent" || message.status === "kept") return;

  if (message.transport === "outbox" || !env.RESEND_API_KEY) {
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: { status: "kept", transport: "outbox", attempts: ctx.attempt, nextAttemptAt: null, error: null },
    });
    if (env.NODE_ENV !== "test") console.info(keptEmailLine(message));
    return;
  }

  const providerMessageId = await sendWithResend(message, env.RESEND_API_KEY);
  await prisma.emailMessage.update({
    where: { id: message.id },
    data: { status: "sent", attempts: ctx.attempt, sentAt: new Date(), providerMessageId, nextAttemptAt: null, error: null },
  });
}

// One line per kept message, with its links, e.g. "email kept in outbox → owner@x: Reset your password http://…".
export function keptEmailLine(message: { to: string; subject: string; html: string }) {
  return `email kept in outbox → ${message.to}: ${message.subject} ${linksIn(message.html).join(" ")}`.trimEnd();
}

export async function recordEmailFailure(payload: unknown, failure: JobFailure) {
  const { emailMessageId } = payloadSchema.parse(payload);
  console.error(`email ${emailMessageId} attempt ${failure.attempt}/${failure.maxAttempts} failed:`, failure.error.message);
  await prisma.emailMessage.updateMany({
    where: { id: emailMessageId, status: { notIn: ["sent", "kept"] } },
    data: {
      status: failure.nextRunAt ? "queued" : "failed",
      attempts: failure.attempt,
      nextAttemptAt: failure.nextRunAt,
      error: failure.error.message.slice(0, 1000),
    },
  });
}

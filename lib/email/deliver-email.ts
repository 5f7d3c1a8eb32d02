import { Resend } from "resend";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PermanentJobError } from "@/lib/jobs/job-errors";
import type { JobFailure } from "@/lib/jobs/job-kinds";

const payloadSchema = z.object({ emailMessageId: z.string() });

let resend: Resend | undefined;

// The `email.send` job. Without RESEND_API_KEY the message stays in the local outbox, where owners read it.
// Resend gets the message id as its idempotency key, so a retry after a lost answer never sends twice.
export async function deliverEmail(payload: unknown) {
  const { emailMessageId } = payloadSchema.parse(payload);
  const message = await prisma.emailMessage.findUnique({ where: { id: emailMessageId } });
  if (!message) throw new PermanentJobError(`Email ${emailMessageId} no longer exists`);
  if (message.status === "sent") return;

  if (message.transport === "outbox" || !env.RESEND_API_KEY) {
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: { status: "sent", attempts: { increment: 1 }, sentAt: new Date(), nextAttemptAt: null, error: null },
    });
    return;
  }

  resend ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error } = await resend.emails.send(
    { from: env.EMAIL_FROM, to: message.to, subject: message.subject, html: message.html, text: message.text },
    { idempotencyKey: `email/${message.id}` },
  );
  if (error || !data) throw new Error(error?.message ?? "Resend returned no message id");
  await prisma.emailMessage.update({
    where: { id: message.id },
    data: { status: "sent", attempts: { increment: 1 }, sentAt: new Date(), providerMessageId: data.id, nextAttemptAt: null, error: null },
  });
}

export async function recordEmailFailure(payload: unknown, failure: JobFailure) {
  const { emailMessageId } = payloadSchema.parse(payload);
  console.error(`email ${emailMessageId} attempt ${failure.attempt}/${failure.maxAttempts} failed:`, failure.error.message);
  await prisma.emailMessage.updateMany({
    where: { id: emailMessageId, status: { not: "sent" } },
    data: {
      status: failure.nextRunAt ? "queued" : "failed",
      attempts: failure.attempt,
      nextAttemptAt: failure.nextRunAt,
      error: failure.error.message.slice(0, 1000),
    },
  });
}

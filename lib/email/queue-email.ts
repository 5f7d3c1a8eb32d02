import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { kickJobs } from "@/lib/jobs/kick-jobs";

export interface OutgoingEmail {
  template: string;
  to: string;
  subject: string;
  body: ReactElement;
  businessId?: string | null;
}

// Writes the message (queued) and the job that sends it inside the caller's transaction, so an email exists
// exactly when its cause committed. Call kickJobs() after the commit to send it without waiting for the cron.
export async function queueEmail(tx: Prisma.TransactionClient, { template, to, subject, body, businessId }: OutgoingEmail) {
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
  const message = await tx.emailMessage.create({
    data: { template, to, subject, html, text, businessId, transport: env.RESEND_API_KEY ? "resend" : "outbox" },
  });
  await enqueueJob(tx, {
    kind: "email.send",
    payload: { emailMessageId: message.id },
    businessId,
    dedupeKey: `email:${message.id}`,
  });
  return message;
}

// For causes without a transaction of their own (Better Auth's reset and invitation mails).
export async function sendEmailNow(email: OutgoingEmail) {
  const message = await prisma.$transaction((tx) => queueEmail(tx, email));
  kickJobs();
  return message;
}

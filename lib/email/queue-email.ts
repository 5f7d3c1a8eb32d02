import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, enqueueJobs } from "@/lib/jobs/enqueue-job";
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
export async function queueEmail(tx: Prisma.TransactionClient, { body, ...email }: OutgoingEmail) {
  // One React render; the text part is derived from its HTML (what render's plainText option does after a second render).
  const html = await render(body);
  return queueRenderedEmail(tx, { ...email, html, text: toPlainText(html) });
}

// The same for a message already rendered (e.g. by renderFromTemplate for bulk runs).
export async function queueRenderedEmail(
  tx: Prisma.TransactionClient,
  { template, to, subject, html, text, businessId }: Omit<OutgoingEmail, "body"> & { html: string; text: string },
) {
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

export type RenderedEmail = Omit<OutgoingEmail, "body"> & { html: string; text: string };

// Many rendered messages at once: one multi-row INSERT for the messages and one for their email.send jobs.
export async function queueRenderedEmails(tx: Prisma.TransactionClient, emails: RenderedEmail[]): Promise<{ id: string }[]> {
  if (emails.length === 0) return [];
  const transport = env.RESEND_API_KEY ? "resend" : "outbox";
  const messages = await tx.emailMessage.createManyAndReturn({
    data: emails.map(({ template, to, subject, html, text, businessId }) => ({ template, to, subject, html, text, businessId, transport })),
    select: { id: true, businessId: true },
  });
  await enqueueJobs(
    tx,
    messages.map((message) => ({
      kind: "email.send" as const,
      payload: { emailMessageId: message.id },
      businessId: message.businessId,
      dedupeKey: `email:${message.id}`,
    })),
  );
  return messages.map(({ id }) => ({ id }));
}

// For causes without a transaction of their own (Better Auth's reset and invitation mails).
export async function sendEmailNow(email: OutgoingEmail) {
  const message = await prisma.$transaction((tx) => queueEmail(tx, email));
  kickJobs();
  return message;
}

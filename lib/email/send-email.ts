import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

export interface OutgoingEmail {
  template: string;
  to: string;
  subject: string;
  body: ReactElement;
  businessId?: string | null;
}

let resend: Resend | undefined;

// Every message is recorded before it is sent. Without RESEND_API_KEY it stays in the local outbox
// (status "sent", transport "outbox") where owners can read it, so invitations work on a fresh machine.
export async function sendEmail({ template, to, subject, body, businessId }: OutgoingEmail) {
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
  const message = await prisma.emailMessage.create({
    data: { template, to, subject, html, text, businessId, transport: env.RESEND_API_KEY ? "resend" : "outbox" },
  });

  if (!env.RESEND_API_KEY) {
    return prisma.emailMessage.update({
      where: { id: message.id },
      data: { status: "sent", attempts: 1, sentAt: new Date() },
    });
  }

  resend ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  try {
    const { data, error } = await resend.emails.send(
      { from: env.EMAIL_FROM, to, subject, html, text },
      { idempotencyKey: `email/${message.id}` },
    );
    if (error || !data) throw new Error(error?.message ?? "Resend returned no message id");
    return prisma.emailMessage.update({
      where: { id: message.id },
      data: { status: "sent", attempts: 1, sentAt: new Date(), providerMessageId: data.id },
    });
  } catch (error) {
    console.error(`email ${message.id} (${template}) failed:`, (error as Error).message);
    return prisma.emailMessage.update({
      where: { id: message.id },
      data: { status: "failed", attempts: 1, error: (error as Error).message.slice(0, 1000) },
    });
  }
}

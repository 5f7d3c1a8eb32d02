import FinalWarningEmail from "@/emails/final-warning";
import InvoiceIssuedEmail from "@/emails/invoice-issued";
import OverdueNoticeEmail from "@/emails/overdue-notice";
import PaymentReminderEmail from "@/emails/payment-reminder";
import SuspensionNoticeEmail from "@/emails/suspension-notice";
import { queueRenderedEmail, type RenderedEmail } from "@/lib/email/queue-email";
import { renderFromTemplate } from "@/lib/email/render-from-template";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { Invoice, Prisma } from "@/lib/generated/prisma/client";
import { suspensionDate } from "./dunning-schedule";
import { payUrl } from "./own-invoices";
import { plans } from "./plans";

export type BillingNotice = "invoice-issued" | "payment-reminder" | "overdue-notice" | "final-warning" | "suspension-notice";

type NoticeInvoice = Pick<Invoice, "id" | "businessId" | "number" | "currency" | "amountDueCents" | "plan" | "dueAt" | "paymentToken" | "provider">;

export interface BillingRecipient {
  businessName: string;
  to: string | null;
}

// Where billing mail of a business goes (billing contact, else first owner), read inside the transaction.
export async function billingRecipient(tx: Prisma.TransactionClient, businessId: string): Promise<BillingRecipient> {
  const recipient = (await billingRecipients(tx, [businessId])).get(businessId);
  if (!recipient) throw new Error(`Business ${businessId} not found`);
  return recipient;
}

// The same for many businesses in one query (bulk causes: a billing run's batch), by business id.
export async function billingRecipients(tx: Prisma.TransactionClient, businessIds: string[]): Promise<Map<string, BillingRecipient>> {
  const businesses = await tx.business.findMany({
    where: { id: { in: businessIds } },
    select: {
      id: true,
      name: true,
      contactEmail: true,
      members: { where: { role: "owner" }, orderBy: { createdAt: "asc" }, take: 1, select: { user: { select: { email: true } } } },
    },
  });
  return new Map(businesses.map((b) => [b.id, { businessName: b.name, to: b.contactEmail ?? b.members[0]?.user.email ?? null }]));
}

// Queues one billing email about an invoice inside the caller's transaction (sent by the email.send job).
export async function queueBillingNotice(
  tx: Prisma.TransactionClient,
  notice: BillingNotice,
  invoice: NoticeInvoice,
  recipient: BillingRecipient,
  now: Date,
) {
  const email = await renderBillingNotice(notice, invoice, recipient, now);
  return email ? queueRenderedEmail(tx, email) : null;
}

// The billing email about an invoice, rendered but not yet queued (null when there is nobody to send it to);
// bulk callers queue many at once with queueRenderedEmails.
export async function renderBillingNotice(
  notice: BillingNotice,
  invoice: NoticeInvoice,
  recipient: BillingRecipient,
  now: Date,
): Promise<RenderedEmail | null> {
  if (!recipient.to || !invoice.dueAt) return null;
  const amount = formatMoney(invoice.amountDueCents, invoice.currency);
  const facts = {
    businessName: recipient.businessName,
    invoiceNumber: invoice.number,
    planName: invoice.plan ? plans[invoice.plan].name : "Tangabiz",
    amount,
    dueDate: formatDateTime(invoice.dueAt),
    payUrl: invoice.paymentToken ? payUrl(invoice.paymentToken) : null,
  };
  const suspension = formatDateTime(suspensionDate(invoice.dueAt));
  const daysUntilDue = Math.max(1, Math.ceil((invoice.dueAt.getTime() - now.getTime()) / 86_400_000));
  const emails = {
    "invoice-issued": {
      subject: `Invoice ${invoice.number}: ${amount} due ${facts.dueDate}`,
      render: () => renderFromTemplate("invoice-issued", InvoiceIssuedEmail, { ...facts, chargedAutomatically: invoice.provider === "cvt" }),
    },
    "payment-reminder": {
      subject: `Reminder: invoice ${invoice.number} (${amount}) is due soon`,
      render: () => renderFromTemplate("payment-reminder", PaymentReminderEmail, { ...facts, daysUntilDue }),
    },
    "overdue-notice": {
      subject: `Overdue: invoice ${invoice.number} (${amount})`,
      render: () => renderFromTemplate("overdue-notice", OverdueNoticeEmail, { ...facts, suspensionDate: suspension }),
    },
    "final-warning": {
      subject: `Final warning: pay ${invoice.number} before ${suspension} to avoid suspension`,
      render: () => renderFromTemplate("final-warning", FinalWarningEmail, { ...facts, suspensionDate: suspension }),
    },
    "suspension-notice": {
      subject: `${recipient.businessName} is suspended until invoice ${invoice.number} is paid`,
      render: () => renderFromTemplate("suspension-notice", SuspensionNoticeEmail, { ...facts, suspendedAt: formatDateTime(now) }),
    },
  } satisfies Record<BillingNotice, { subject: string; render: () => Promise<{ html: string; text: string }> }>;
  const { subject, render } = emails[notice];
  const { html, text } = await render();
  return { template: notice, to: recipient.to, subject, html, text, businessId: invoice.businessId };
}

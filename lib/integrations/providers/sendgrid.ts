import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime, formatMoney } from "@/lib/format";
import { VerificationError } from "../verification-error";
import { bearer, providerFetch, ProviderRequestError } from "../provider-http";
import { markItems, type DeliveredItem, type ProviderAdapter, type SyncContext } from "../sync-context";

// SendGrid v3: one receipt email per sale whose till customer gave an email, for sales recorded after connecting
// (connecting never mails the whole history). POST /v3/mail/send answers 202; each receipt is recorded once sent.
const BATCH = 50;

interface PendingReceipt {
  id: string;
  reference: string;
  amountCents: bigint;
  currency: string;
  occurredAt: Date;
  email: string;
  name: string | null;
}

export const sendgrid: ProviderAdapter = {
  async verify({ apiKey }) {
    const res = await providerFetch("SendGrid", `${env.SENDGRID_API_BASE}/v3/scopes`, { headers: bearer(apiKey) });
    const scopes = (res.json as { scopes?: string[] } | null)?.scopes ?? [];
    if (!scopes.includes("mail.send")) throw new VerificationError("the API key does not have the Mail Send permission (mail.send)");
  },

  async sync(ctx) {
    const business = await prisma.business.findUniqueOrThrow({ where: { id: ctx.businessId }, select: { name: true } });
    for (;;) {
      const receipts = await pendingReceipts(ctx);
      if (receipts.length === 0) return;
      for (const receipt of receipts) {
        const handled = await sendReceipt(ctx, business.name, receipt);
        await markItems(ctx.integrationId, "receipt", [handled]);
      }
    }
  },
};

function pendingReceipts(ctx: SyncContext) {
  return prisma.$queryRaw<PendingReceipt[]>`
    SELECT e.id, e.reference, e."amountCents", e.currency, e."occurredAt", c.email, c.name
    FROM "UsageEvent" e
    JOIN "Customer" c ON c.id = e."customerId" AND c."businessId" = e."businessId"
    LEFT JOIN "IntegrationItem" i ON i."integrationId" = ${ctx.integrationId} AND i.kind = 'receipt' AND i."itemId" = e.id
    WHERE e."businessId" = ${ctx.businessId} AND e."eventType" = 'pos.transaction' AND e."transactionType" = 'sale'
      AND e."createdAt" >= ${ctx.connectedAt} AND c.email IS NOT NULL AND i."itemId" IS NULL
    ORDER BY e."createdAt", e.id
    LIMIT ${BATCH}`;
}

async function sendReceipt(ctx: SyncContext, businessName: string, receipt: PendingReceipt): Promise<DeliveredItem> {
  const amount = formatMoney(Number(receipt.amountCents), receipt.currency);
  const when = formatDateTime(receipt.occurredAt);
  const greeting = receipt.name ? `Hello ${receipt.name},` : "Hello,";
  const text = `${greeting}\n\nThank you for shopping at ${businessName}.\n\nAmount paid: ${amount}\nReference: ${receipt.reference}\nDate: ${when}\n\n${businessName}`;
  const html = `<p>${escapeHtml(greeting)}</p><p>Thank you for shopping at <strong>${escapeHtml(businessName)}</strong>.</p>
<table><tr><td>Amount paid</td><td><strong>${escapeHtml(amount)}</strong></td></tr><tr><td>Reference</td><td>${escapeHtml(receipt.reference)}</td></tr><tr><td>Date</td><td>${escapeHtml(when)}</td></tr></table>`;
  try {
    const res = await providerFetch("SendGrid", `${env.SENDGRID_API_BASE}/v3/mail/send`, {
      method: "POST",
      headers: { ...bearer(ctx.credentials.apiKey), "content-type": "application/json" },
      body: JSON.stringify({
        personalizations: [{ to: [{ email: receipt.email, ...(receipt.name ? { name: receipt.name } : {}) }] }],
        from: { email: ctx.settings.fromEmail, name: businessName },
        subject: `Your receipt from ${businessName} (${amount})`,
        content: [
          { type: "text/plain", value: text },
          { type: "text/html", value: html },
        ],
        custom_args: { tangabiz_transaction: receipt.id },
      }),
    });
    ctx.counts.sent += 1;
    return { itemId: receipt.id, version: 1, externalId: res.headers.get("x-message-id") ?? receipt.id };
  } catch (error) {
    if (!(error instanceof ProviderRequestError)) throw error;
    ctx.counts.failed += 1;
    ctx.errors.push(`receipt ${receipt.reference} to ${receipt.email}: ${error.message}`);
    return { itemId: receipt.id, version: 1, externalId: null };
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

import { prisma } from "@/lib/db";
import { ProviderRequestError } from "../provider-http";
import { markItems, type SyncContext } from "../sync-context";
import { dailySalesCsv, pendingSalesDays } from "./daily-sales";
import { invoicePdf } from "./invoice-pdf";

export interface FileToUpload {
  name: string;
  mimeType: string;
  content: Buffer;
  // The provider's id of an earlier upload of the same file (to replace it), when there was one.
  externalId: string | null;
}

// Uploads a file and answers the provider's id for it.
export type Uploader = (file: FileToUpload) => Promise<string>;

// Daily sales CSVs and paid invoices' PDFs, each recorded as soon as it is uploaded.
export async function syncFiles(ctx: SyncContext, upload: Uploader): Promise<void> {
  const business = await prisma.business.findUniqueOrThrow({ where: { id: ctx.businessId }, select: { name: true } });

  for (const day of await pendingSalesDays(ctx.integrationId, ctx.businessId, ctx.connectedAt, ctx.now)) {
    const file = { name: `sales-${day.day}.csv`, mimeType: "text/csv", content: Buffer.from(await dailySalesCsv(ctx.businessId, day.day)), externalId: day.externalId };
    await uploadOne(ctx, upload, file, "daily_sales", day.day, day.count, day.uploaded);
  }

  const invoices = await prisma.$queryRaw<{ id: string }[]>`
    SELECT inv.id FROM "Invoice" inv
    LEFT JOIN "IntegrationItem" i ON i."integrationId" = ${ctx.integrationId} AND i.kind = 'invoice_pdf' AND i."itemId" = inv.id
    WHERE inv."businessId" = ${ctx.businessId} AND inv.status = 'paid' AND i."itemId" IS NULL
    ORDER BY inv."createdAt"`;
  for (const { id } of invoices) {
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id } });
    const file = { name: `invoice-${invoice.number}.pdf`, mimeType: "application/pdf", content: invoicePdf(invoice, business.name), externalId: null };
    await uploadOne(ctx, upload, file, "invoice_pdf", invoice.id, 1, false);
  }
}

async function uploadOne(ctx: SyncContext, upload: Uploader, file: FileToUpload, kind: string, itemId: string, version: number, replacing: boolean) {
  try {
    const externalId = await upload(file);
    ctx.counts[replacing ? "updated" : "sent"] += 1;
    await markItems(ctx.integrationId, kind, [{ itemId, version, externalId }]);
  } catch (error) {
    if (!(error instanceof ProviderRequestError)) throw error;
    ctx.counts.failed += 1;
    ctx.errors.push(`${file.name}: ${error.message}`);
    await markItems(ctx.integrationId, kind, [{ itemId, version, externalId: null }]);
  }
}

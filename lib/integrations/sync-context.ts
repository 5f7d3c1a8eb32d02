import { prisma } from "@/lib/db";
import type { SyncingProviderId } from "./catalog";

export interface SyncCounts {
  sent: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface SyncContext {
  integrationId: string;
  businessId: string;
  provider: SyncingProviderId;
  credentials: Record<string, string>;
  settings: Record<string, string>;
  connectedAt: Date;
  now: Date;
  counts: SyncCounts;
  errors: string[];
}

export interface ProviderAdapter {
  // A cheap call that proves the credentials (and the chosen list/folder) work; throws when they do not.
  verify(fields: Record<string, string>): Promise<void>;
  sync(ctx: SyncContext): Promise<void>;
}

export interface DeliveredItem {
  itemId: string;
  version: number;
  // Set when the provider holds the record (its id, or a key we derived); null when skipped or failed.
  externalId: string | null;
}

// Records what this integration has handled, so the next run sends only what is new or changed.
// A skipped or failed record keeps the external id of an earlier successful delivery.
export async function markItems(integrationId: string, kind: string, items: DeliveredItem[]): Promise<void> {
  if (items.length === 0) return;
  await prisma.$executeRaw`
    INSERT INTO "IntegrationItem" ("integrationId", kind, "itemId", version, "externalId", "syncedAt")
    SELECT ${integrationId}, ${kind}, t.id, t.version, t.external, now()
    FROM unnest(${items.map((i) => i.itemId)}::text[], ${items.map((i) => i.version)}::int[], ${items.map((i) => i.externalId)}::text[])
      AS t(id, version, external)
    -- A run that finishes after a disconnect must not leave delivery records for the next connection.
    WHERE EXISTS (SELECT 1 FROM "Integration" WHERE id = ${integrationId} AND "credentialsEncrypted" IS NOT NULL)
    ON CONFLICT ("integrationId", kind, "itemId") DO UPDATE SET
      version = excluded.version,
      "externalId" = coalesce(excluded."externalId", "IntegrationItem"."externalId"),
      "syncedAt" = now()`;
}

export async function deliveredItemIds(integrationId: string, kind: string, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await prisma.integrationItem.findMany({
    where: { integrationId, kind, itemId: { in: itemIds } },
    select: { itemId: true },
  });
  return new Set(rows.map((r) => r.itemId));
}

import { randomUUID } from "node:crypto";
import type { Query } from "@/lib/db";
import { jobKinds } from "@/lib/jobs/job-kinds";
import { customerMatchKey, type TillCustomer } from "./schemas";
import { EVENT_SYNC_DEBOUNCE_MS, eventDrivenProviders } from "@/lib/integrations/sync-triggers";

export interface CustomerTransaction {
  eventId: string;
  businessId: string;
  customer: TillCustomer;
}

// One statement inside the POS batch's transaction, and only for batches that carry customers: upserts each
// customer (version + 1 only when a field really changes), links the new transactions to them, and queues a sync a
// minute later for each active integration that reacts to customers, unless one is already waiting (the debounce:
// sales meanwhile join it). The job commits with the sale, so a sale is never left without its sync.
const RECORD = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[])
      AS t(id, "businessId", "matchKey", name, email, phone, consent)
  ),
  upserted AS (
    INSERT INTO "Customer" AS c (id, "businessId", "matchKey", name, email, phone, "marketingConsent", version, "createdAt", "updatedAt")
    SELECT id, "businessId", "matchKey", name, email, phone, consent, 1, now(), now() FROM input
    ON CONFLICT ("businessId", "matchKey") DO UPDATE SET
      name = coalesce(excluded.name, c.name),
      email = coalesce(excluded.email, c.email),
      phone = coalesce(excluded.phone, c.phone),
      "marketingConsent" = coalesce(excluded."marketingConsent", c."marketingConsent"),
      version = c.version + CASE WHEN (coalesce(excluded.name, c.name), coalesce(excluded.email, c.email), coalesce(excluded.phone, c.phone),
          coalesce(excluded."marketingConsent", c."marketingConsent"))
        IS DISTINCT FROM (c.name, c.email, c.phone, c."marketingConsent") THEN 1 ELSE 0 END,
      "updatedAt" = now()
    RETURNING id, "businessId", "matchKey"
  ),
  linked AS (
    UPDATE "UsageEvent" AS e SET "customerId" = u.id
    FROM unnest($8::text[], $9::text[], $10::text[]) AS l("eventId", "businessId", "matchKey")
    JOIN upserted u ON u."businessId" = l."businessId" AND u."matchKey" = l."matchKey"
    WHERE e.id = l."eventId"
    RETURNING 1
  ),
  queued AS (
    INSERT INTO "Job" (id, kind, payload, "businessId", status, attempts, "maxAttempts", "runAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'integration.sync', jsonb_build_object('integrationId', i.id, 'trigger', 'event'),
           i."businessId", 'queued', 0, $11::int, $12::timestamptz, now(), now()
    FROM "Integration" i
    WHERE i."businessId" IN (SELECT DISTINCT "businessId" FROM upserted) AND i.status = 'active' AND i.provider = ANY($13::text[])
      AND NOT EXISTS (
        SELECT 1 FROM "Job" j
        WHERE j.status = 'queued' AND j.kind = 'integration.sync' AND j."businessId" = i."businessId"
          AND j.payload->>'integrationId' = i.id AND j.payload->>'trigger' = 'event')
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM linked)::int AS linked`;

export async function recordTillCustomers(query: Query, transactions: CustomerTransaction[], now = new Date()): Promise<void> {
  // One row per (business, match key): ON CONFLICT cannot touch the same row twice in a statement.
  const merged = new Map<string, { businessId: string; matchKey: string; customer: TillCustomer }>();
  for (const { businessId, customer } of transactions) {
    const matchKey = customerMatchKey(customer);
    const key = `${businessId}\u0000${matchKey}`;
    const earlier = merged.get(key)?.customer ?? {};
    const latest = Object.fromEntries(Object.entries(customer).filter(([, value]) => value !== undefined));
    merged.set(key, { businessId, matchKey, customer: { ...earlier, ...latest } as TillCustomer });
  }
  const rows = [...merged.values()];
  await query(RECORD, [
    rows.map(() => randomUUID()),
    rows.map((r) => r.businessId),
    rows.map((r) => r.matchKey),
    rows.map((r) => r.customer.name ?? null),
    rows.map((r) => r.customer.email ?? null),
    rows.map((r) => r.customer.phone ?? null),
    rows.map((r) => r.customer.marketingConsent ?? null),
    transactions.map((t) => t.eventId),
    transactions.map((t) => t.businessId),
    transactions.map((t) => customerMatchKey(t.customer)),
    jobKinds["integration.sync"].retryDelaysMs.length + 1,
    new Date(now.getTime() + EVENT_SYNC_DEBOUNCE_MS).toISOString(),
    eventDrivenProviders,
  ]);
}

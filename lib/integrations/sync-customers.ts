import { prisma } from "@/lib/db";
import { markItems, type DeliveredItem, type SyncContext } from "./sync-context";

export interface PendingCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  marketingConsent: boolean;
  version: number;
  // The version this integration last handled and the provider's id for it; null when never delivered.
  syncedVersion: number | null;
  externalId: string | null;
}

export type CustomerOutcome = { customerId: string; externalId: string } | { customerId: string; error: string };

export interface CustomerSyncPlan {
  batchSize: number;
  // Customers this provider cannot or must not receive (no email, no consent) are skipped for this version.
  eligible(customer: PendingCustomer): boolean;
  send(customers: PendingCustomer[]): Promise<CustomerOutcome[]>;
}

// Customers whose current version this integration has not handled yet.
function pendingCustomers(ctx: SyncContext, limit: number) {
  return prisma.$queryRaw<PendingCustomer[]>`
    SELECT c.id, c.name, c.email, c.phone, coalesce(c."marketingConsent", false) AS "marketingConsent", c.version, i.version AS "syncedVersion", i."externalId"
    FROM "Customer" c
    LEFT JOIN "IntegrationItem" i ON i."integrationId" = ${ctx.integrationId} AND i.kind = 'customer' AND i."itemId" = c.id
    WHERE c."businessId" = ${ctx.businessId} AND (i.version IS NULL OR i.version < c.version)
    ORDER BY c."updatedAt", c.id
    LIMIT ${limit}`;
}

// Sends changed customers batch by batch, recording each batch as soon as the provider accepted it, so a run
// cut short (429, outage) resumes where it stopped and never sends the same customer version twice.
export async function syncCustomers(ctx: SyncContext, plan: CustomerSyncPlan): Promise<void> {
  for (;;) {
    const pending = await pendingCustomers(ctx, plan.batchSize);
    if (pending.length === 0) return;
    const eligible = pending.filter((c) => plan.eligible(c));
    const handled: DeliveredItem[] = pending
      .filter((c) => !eligible.includes(c))
      .map((c) => ({ itemId: c.id, version: c.version, externalId: null }));
    ctx.counts.skipped += handled.length;

    const outcomes = eligible.length > 0 ? await plan.send(eligible) : [];
    const byId = new Map(eligible.map((c) => [c.id, c]));
    for (const outcome of outcomes) {
      const customer = byId.get(outcome.customerId);
      if (!customer) continue;
      if ("error" in outcome) {
        ctx.counts.failed += 1;
        ctx.errors.push(`${customer.email ?? customer.phone}: ${outcome.error}`);
        handled.push({ itemId: customer.id, version: customer.version, externalId: null });
      } else {
        ctx.counts[customer.externalId ? "updated" : "sent"] += 1;
        handled.push({ itemId: customer.id, version: customer.version, externalId: outcome.externalId });
      }
    }
    const answered = new Set(outcomes.map((o) => o.customerId));
    for (const customer of eligible.filter((c) => !answered.has(c.id))) {
      ctx.counts.failed += 1;
      ctx.errors.push(`${customer.email ?? customer.phone}: the provider did not answer for this record`);
      handled.push({ itemId: customer.id, version: customer.version, externalId: null });
    }
    await markItems(ctx.integrationId, "customer", handled);
  }
}

export function splitName(customer: Pick<PendingCustomer, "name" | "email" | "phone">): { first: string; last: string } {
  const name = customer.name?.trim();
  if (!name) return { first: "", last: customer.email?.split("@")[0] ?? customer.phone ?? "Customer" };
  const at = name.lastIndexOf(" ");
  return at < 0 ? { first: "", last: name } : { first: name.slice(0, at), last: name.slice(at + 1) };
}

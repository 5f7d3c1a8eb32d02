import { env } from "@/lib/env";
import { bearer, providerFetch, ProviderRequestError } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";
import { splitName, syncCustomers, type CustomerOutcome, type PendingCustomer } from "../sync-customers";

// HubSpot CRM v3: contacts upserted in batches of up to 100 by email (idProperty), private app token as Bearer.
const BATCH = 100;

interface UpsertResult {
  results?: { id: string; new?: boolean; properties?: { email?: string } }[];
}

export const hubspot: ProviderAdapter = {
  async verify({ accessToken }) {
    await providerFetch("HubSpot", `${env.HUBSPOT_API_BASE}/crm/v3/objects/contacts?limit=1`, { headers: bearer(accessToken) });
  },

  async sync(ctx) {
    await syncCustomers(ctx, {
      batchSize: BATCH,
      eligible: (c) => c.email !== null,
      send: (customers) => upsertContacts(ctx.credentials.accessToken, customers),
    });
  },
};

async function upsertContacts(token: string, customers: PendingCustomer[]): Promise<CustomerOutcome[]> {
  const inputs = customers.map((c) => {
    const { first, last } = splitName(c);
    const properties: Record<string, string> = { email: c.email! };
    if (first) properties.firstname = first;
    if (c.name) properties.lastname = last;
    if (c.phone) properties.phone = c.phone;
    return { idProperty: "email", id: c.email!, properties };
  });
  try {
    const res = await providerFetch("HubSpot", `${env.HUBSPOT_API_BASE}/crm/v3/objects/contacts/batch/upsert`, {
      method: "POST",
      headers: { ...bearer(token), "content-type": "application/json" },
      body: JSON.stringify({ inputs }),
    });
    const results = (res.json as UpsertResult | null)?.results ?? [];
    const idByEmail = new Map(results.map((r) => [r.properties?.email?.toLowerCase(), r.id]));
    return customers.map((c) => {
      const id = idByEmail.get(c.email!);
      return id ? { customerId: c.id, externalId: id } : { customerId: c.id, error: "HubSpot did not return this contact" };
    });
  } catch (error) {
    // A 4xx for the batch (e.g. an email HubSpot considers invalid) fails the batch's records, not the run.
    // One by one then, so a single bad record does not fail its 99 neighbours.
    if (error instanceof ProviderRequestError && customers.length > 1) {
      const outcomes: CustomerOutcome[] = [];
      for (const customer of customers) outcomes.push(...(await upsertContacts(token, [customer])));
      return outcomes;
    }
    if (error instanceof ProviderRequestError) return [{ customerId: customers[0].id, error: error.message }];
    throw error;
  }
}

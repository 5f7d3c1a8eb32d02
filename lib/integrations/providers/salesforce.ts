import { env } from "@/lib/env";
import { bearer, providerFetch, ProviderRequestError } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";
import { splitName, syncCustomers, type CustomerOutcome, type PendingCustomer } from "../sync-customers";

// Salesforce REST: one Contact per customer, created with POST …/sobjects/Contact/ and updated with PATCH
// …/sobjects/Contact/{id} (the id we stored). Bearer access token against the org's instance URL.
const BATCH = 25;

const api = (instanceUrl: string) => `${instanceUrl}/services/data/${env.SALESFORCE_API_VERSION}`;

export const salesforce: ProviderAdapter = {
  async verify({ instanceUrl, accessToken }) {
    await providerFetch("Salesforce", `${api(instanceUrl)}/sobjects/Contact/describe`, { headers: bearer(accessToken) });
  },

  async sync(ctx) {
    const { instanceUrl } = ctx.settings;
    const { accessToken } = ctx.credentials;
    await syncCustomers(ctx, {
      batchSize: BATCH,
      eligible: () => true,
      send: async (customers) => {
        const outcomes: CustomerOutcome[] = [];
        for (const customer of customers) outcomes.push(await upsertContact(instanceUrl, accessToken, customer));
        return outcomes;
      },
    });
  },
};

function contactFields(customer: PendingCustomer) {
  const { first, last } = splitName(customer);
  return { FirstName: first || null, LastName: last, Email: customer.email, Phone: customer.phone };
}

async function upsertContact(instanceUrl: string, token: string, customer: PendingCustomer): Promise<CustomerOutcome> {
  const headers = { ...bearer(token), "content-type": "application/json" };
  const body = JSON.stringify(contactFields(customer));
  try {
    if (customer.externalId) {
      try {
        await providerFetch("Salesforce", `${api(instanceUrl)}/sobjects/Contact/${encodeURIComponent(customer.externalId)}`, { method: "PATCH", headers, body });
        return { customerId: customer.id, externalId: customer.externalId };
      } catch (error) {
        // Deleted in Salesforce since: create it again.
        if (!(error instanceof ProviderRequestError && error.status === 404)) throw error;
      }
    }
    const res = await providerFetch("Salesforce", `${api(instanceUrl)}/sobjects/Contact/`, { method: "POST", headers, body });
    const id = (res.json as { id?: string } | null)?.id;
    return id ? { customerId: customer.id, externalId: id } : { customerId: customer.id, error: "Salesforce returned no id" };
  } catch (error) {
    if (error instanceof ProviderRequestError) return { customerId: customer.id, error: error.message };
    throw error;
  }
}

import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { providerFetch, ProviderRequestError } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";
import { splitName, syncCustomers, type CustomerOutcome, type PendingCustomer } from "../sync-customers";

// Mailchimp Marketing API 3.0: audience members added or updated with PUT …/members/{md5 of the lowercased email},
// HTTP basic auth with the API key, on the data center named after the key's dash. Only customers who gave
// marketing consent are sent; one who withdraws it later is set to unsubscribed.
const BATCH = 20;

export function mailchimpBase(apiKey: string): string {
  const dataCenter = apiKey.split("-").pop() ?? "";
  return `${env.MAILCHIMP_API_BASE.replace("{dc}", dataCenter)}/3.0`;
}

const auth = (apiKey: string) => ({ authorization: `Basic ${Buffer.from(`tangabiz:${apiKey}`).toString("base64")}` });

export const subscriberHash = (email: string) => createHash("md5").update(email.toLowerCase()).digest("hex");

export const mailchimp: ProviderAdapter = {
  async verify({ apiKey, listId }) {
    await providerFetch("Mailchimp", `${mailchimpBase(apiKey)}/lists/${encodeURIComponent(listId)}?fields=id,name`, { headers: auth(apiKey) });
  },

  async sync(ctx) {
    const { apiKey } = ctx.credentials;
    const { listId } = ctx.settings;
    await syncCustomers(ctx, {
      batchSize: BATCH,
      // Consent now, or consent earlier (delivered) and withdrawn since: that one is unsubscribed.
      eligible: (c) => c.email !== null && (c.marketingConsent || c.externalId !== null),
      send: async (customers) => {
        const outcomes: CustomerOutcome[] = [];
        for (const customer of customers) outcomes.push(await putMember(apiKey, listId, customer));
        return outcomes;
      },
    });
  },
};

async function putMember(apiKey: string, listId: string, customer: PendingCustomer): Promise<CustomerOutcome> {
  const hash = subscriberHash(customer.email!);
  const status = customer.marketingConsent ? "subscribed" : "unsubscribed";
  const { first, last } = splitName(customer);
  const body = {
    email_address: customer.email,
    status_if_new: status,
    status,
    ...(customer.name ? { merge_fields: { FNAME: first, LNAME: last } } : {}),
  };
  try {
    await providerFetch("Mailchimp", `${mailchimpBase(apiKey)}/lists/${encodeURIComponent(listId)}/members/${hash}`, {
      method: "PUT",
      headers: { ...auth(apiKey), "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { customerId: customer.id, externalId: hash };
  } catch (error) {
    if (error instanceof ProviderRequestError) return { customerId: customer.id, error: error.message };
    throw error;
  }
}

import { env } from "@/lib/env";
import { providerFetch, ProviderRequestError } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";
import { splitName, syncCustomers, type CustomerOutcome, type PendingCustomer } from "../sync-customers";

// Zoho CRM v8: Contacts upserted in batches of up to 100 with Email as the duplicate check field;
// `Authorization: Zoho-oauthtoken <token>` against the account's data center (api-domain).
const BATCH = 100;

const base = (dataCenter: string) => env.ZOHO_API_BASE.replace("{dc}", dataCenter);
const auth = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });

interface UpsertAnswer {
  data?: { code?: string; status?: string; message?: string; details?: { id?: string; api_name?: string } }[];
}

export const zoho: ProviderAdapter = {
  async verify({ dataCenter, accessToken }) {
    await providerFetch("Zoho CRM", `${base(dataCenter)}/crm/v8/users?type=CurrentUser`, { headers: auth(accessToken) });
  },

  async sync(ctx) {
    await syncCustomers(ctx, {
      batchSize: BATCH,
      eligible: (c) => c.email !== null,
      send: (customers) => upsertContacts(base(ctx.settings.dataCenter), ctx.credentials.accessToken, customers),
    });
  },
};

async function upsertContacts(apiBase: string, token: string, customers: PendingCustomer[]): Promise<CustomerOutcome[]> {
  const data = customers.map((c) => {
    const { first, last } = splitName(c);
    return { Last_Name: last, ...(first ? { First_Name: first } : {}), Email: c.email, ...(c.phone ? { Phone: c.phone } : {}) };
  });
  try {
    const res = await providerFetch("Zoho CRM", `${apiBase}/crm/v8/Contacts/upsert`, {
      method: "POST",
      headers: { ...auth(token), "content-type": "application/json" },
      body: JSON.stringify({ data, duplicate_check_fields: ["Email"] }),
    });
    // One answer per record, in the order sent (HTTP 200, 201 or 207 multi-status).
    const answers = (res.json as UpsertAnswer | null)?.data ?? [];
    return customers.map((c, i) => {
      const answer = answers[i];
      if (answer?.status === "success" && answer.details?.id) return { customerId: c.id, externalId: answer.details.id };
      return { customerId: c.id, error: `Zoho CRM: ${answer?.code ?? "no answer"} ${answer?.message ?? ""}`.trim() };
    });
  } catch (error) {
    if (error instanceof ProviderRequestError) return customers.map((c) => ({ customerId: c.id, error: error.message }));
    throw error;
  }
}

import { z } from "zod";
import { env } from "@/lib/env";
import { providerIds, providers, zohoDataCenters, type ProviderId } from "./catalog";

const fieldValue = z.string().trim().min(1, "must not be empty").max(4096, "must be at most 4096 characters");

export const providerParam = z.enum(providerIds, "is not one of the eight integrations");

export const connectIntegrationSchema = z
  .strictObject({
    provider: providerParam,
    credentials: z.record(z.string().max(64), z.string().max(4096)),
    settings: z.record(z.string().max(64), z.string().max(4096)).optional(),
  })
  .meta({
    id: "ConnectIntegrationRequest",
    description: "credentials and settings together hold the provider's fields (see GET /api/integrations → fields).",
  });

// Checks beyond "present": what each provider's fields must look like before we call anyone.
const fieldRules: Partial<Record<ProviderId, Record<string, z.ZodType<string>>>> = {
  salesforce: {
    instanceUrl: fieldValue
      .transform((url) => url.replace(/\/+$/, ""))
      .refine((url) => new RegExp(env.SALESFORCE_INSTANCE_URL_PATTERN).test(url), "must be your Salesforce instance URL, e.g. https://yourcompany.my.salesforce.com"),
  },
  zoho: { dataCenter: z.enum(zohoDataCenters.map((d) => d.value) as [string, ...string[]], "must be one of Zoho's data centers") },
  mailchimp: {
    apiKey: fieldValue.regex(/^[0-9a-f]+-[a-z]{2}\d{1,3}$/, "must look like <key>-<data center>, e.g. …-us21"),
    listId: fieldValue.regex(/^[0-9a-zA-Z]+$/, "must be the audience ID (letters and digits)"),
  },
  sendgrid: { fromEmail: z.email("must be an email address").max(254) },
  google_drive: { folderId: fieldValue.regex(/^[\w-]+$/, "must be a folder ID (the last part of the folder's URL)") },
  dropbox: {
    path: fieldValue
      .regex(/^\/[^\\:*?"<>|]*$/, "must start with / and contain no \\ : * ? \" < > |")
      .transform((path) => path.replace(/\/+$/, "") || "/"),
  },
};

export function providerFieldsSchema(provider: ProviderId) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of providers[provider].fields) {
    const rule = fieldRules[provider]?.[field.key] ?? fieldValue;
    shape[field.key] = field.optional ? rule.optional() : rule;
  }
  return z.object(shape);
}

export type ConnectIntegrationInput = z.infer<typeof connectIntegrationSchema>;

const runView = z.object({
  id: z.string(),
  trigger: z.string(),
  status: z.enum(["running", "succeeded", "failed"]),
  sent: z.int(),
  updated: z.int(),
  skipped: z.int(),
  failed: z.int(),
  errors: z.array(z.string()).nullable(),
  durationMs: z.int().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  jobId: z.string().nullable(),
});

export const syncRunSchema = runView.meta({ id: "IntegrationSyncRun" });

export const integrationViewSchema = z
  .object({
    provider: providerParam,
    name: z.string(),
    description: z.string(),
    job: z.string(),
    docsUrl: z.string(),
    fields: z.array(z.object({ key: z.string(), label: z.string(), secret: z.boolean(), placeholder: z.string().optional(), help: z.string().optional(), options: z.array(z.object({ value: z.string(), label: z.string() })).optional(), optional: z.boolean().optional() })),
    status: z.enum(["active", "inactive", "error"]),
    connected: z.boolean(),
    // Secret fields masked to their last 4 characters; never the value.
    credentials: z.record(z.string(), z.string()),
    settings: z.record(z.string(), z.string()),
    lastError: z.string().nullable(),
    lastSyncAt: z.iso.datetime().nullable(),
    connectedAt: z.iso.datetime().nullable(),
    lastRun: syncRunSchema.nullable(),
  })
  .meta({ id: "Integration" });

export type IntegrationView = z.infer<typeof integrationViewSchema>;
export type SyncRunView = z.infer<typeof syncRunSchema>;

import { z } from "zod";

const dateParam = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const timestamp = z.date().meta({ override: { type: "string", format: "date-time" } });

export const auditLogQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(100).optional().meta({ description: "A user id or an API key id." }),
    action: z.string().trim().min(1).max(100).optional().meta({ description: "An action code (api_key.revoked) or a prefix ending in a dot (api_key.)." }),
    from: dateParam.optional().meta({ description: "From this date (YYYY-MM-DD, UTC) or instant." }),
    to: dateParam.optional().meta({ description: "Until the end of this date (YYYY-MM-DD, UTC) or this instant." }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.string().max(100).optional().meta({ description: "Cursor: the id of the last entry of the previous page." }),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .meta({ id: "AuditLogQuery" });

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actionLabel: z.string(),
    description: z.string().meta({ description: "The entry as a sentence: \"Tendai revoked key tb_live_zFwc… (Till 2)\"." }),
    actor: z.object({ type: z.enum(["user", "api_key", "system"]), id: z.string().nullable(), name: z.string() }),
    target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "AuditEntry" });

export type AuditEntryView = z.infer<typeof auditEntrySchema>;

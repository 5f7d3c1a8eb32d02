import { parseSearchParams } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { auditLogCsv } from "@/lib/audit/audit-csv";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditLogQuerySchema } from "@/lib/audit/schemas";

// GET /api/audit-log?actor=&action=&from=&to= — the business's audit log as sentences (JSON, or &format=csv)
export const GET = withSession(
  async (req, { member }) => {
    const query = parseSearchParams(req, auditLogQuerySchema);
    const result = await listAuditLog(member.businessId, query);
    if (query.format === "json") return Response.json(result);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(auditLogCsv(result.entries), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tangabiz-activity-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { role: "admin" },
);

import { parseSearchParams } from "@/lib/api/parse";
import { withSession } from "@/lib/api/with-session";
import { ledgerCsv, listLedger } from "@/lib/credits/credits-page";
import { ledgerQuerySchema } from "@/lib/credits/schemas";

// GET /api/credits/ledger?kind&from&to&format=csv — the business's credit ledger, as JSON or a CSV download (member)
export const GET = withSession(
  async (req, { member }) => {
    const { format, ...filter } = parseSearchParams(req, ledgerQuerySchema);
    if (format === "csv") {
      return new Response(await ledgerCsv(member.businessId, filter), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="credits-ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
        },
      });
    }
    const entries = await listLedger(member.businessId, filter, 500);
    return Response.json({ entries });
  },
  { role: "staff" },
);

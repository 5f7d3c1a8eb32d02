import { ScrollText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { creditEntryKinds } from "@/lib/credits/schemas";
import { formatDateTime } from "@/lib/format";

interface Entry {
  id: string;
  kind: string;
  bucket: string;
  delta: number;
  description: string | null;
  reservationId: string | null;
  orderId: string | null;
  createdAt: string;
}

const kindNames: Record<string, string> = {
  plan_grant: "Plan credits",
  plan_expiry: "Plan credits expired",
  topup: "Top-up purchase",
  reservation: "Reservation",
  settlement: "Job charged",
  release: "Released",
  expiry: "Expired hold",
  adjustment: "Adjustment",
};
const count = new Intl.NumberFormat("en-US", { signDisplay: "always" });

// A plain GET form filters the server-rendered table (works without JavaScript); the CSV link carries the same filters.
export function LedgerTable({ entries, filter }: { entries: Entry[]; filter: { kind?: string; from?: string; to?: string } }) {
  const csv = new URLSearchParams({ format: "csv", ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) });
  const filtered = Boolean(filter.kind || filter.from || filter.to);
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 pt-4 pb-4 sm:px-5" aria-label="Filter the ledger">
        <div className="space-y-1">
          <Label htmlFor="ledger-kind">Kind</Label>
          <Select id="ledger-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">All kinds</option>
            {creditEntryKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindNames[kind]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="ledger-from">From (UTC)</Label>
          <Input id="ledger-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="ledger-to">To (UTC)</Label>
          <Input id="ledger-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Filter
        </button>
        {filtered && (
          <a href="?" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </a>
        )}
        <a href={`/api/credits/ledger?${csv}`} className={buttonClasses({ variant: "ghost" })} download>
          Export CSV
        </a>
      </form>
      {entries.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No ledger entries match these filters" : "No credit movements yet"}
          description={filtered ? "Clear the filters to see everything." : "Plan credits arrive when a paid period starts; buy a top-up to add credits now."}
        />
      ) : (
        <Table aria-label="Credit ledger">
          <THead>
            <TR>
              <TH>Time</TH>
              <TH>Kind</TH>
              <TH>Bucket</TH>
              <TH className="text-right">Credits</TH>
              <TH>Details</TH>
            </TR>
          </THead>
          <TBody>
            {entries.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap">{formatDateTime(e.createdAt)}</TD>
                <TD>{kindNames[e.kind] ?? e.kind}</TD>
                <TD>
                  <Badge tone={e.bucket === "plan" ? "blue" : "gray"}>{e.bucket === "plan" ? "Plan" : "Top-up"}</Badge>
                </TD>
                <TD className={`text-right font-medium tabular-nums ${e.delta > 0 ? "text-green-700" : "text-zinc-900"}`}>{count.format(e.delta)}</TD>
                <TD className="text-xs text-zinc-600">
                  {e.description ?? ""}
                  {e.reservationId && <span className="block font-mono">task {e.reservationId}</span>}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

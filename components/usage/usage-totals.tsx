import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";

const eventLabels: Record<string, string> = {
  "pos.transaction": "Transactions",
  "pos.status": "Status checks",
  "pos.heartbeat": "Heartbeats",
  "pos.config": "Config reads",
  "v1.me": "Account lookups",
  "v1.usage": "Usage reads",
};

const typeLabels: Record<string, string> = { sale: "Sales", refund: "Refunds", void: "Voids" };
const count = new Intl.NumberFormat("en-US");

export interface TransactionTotal {
  currency: string;
  type: string;
  count: number;
  totalAmount: number;
}

export function TransactionTotals({ totals }: { totals: TransactionTotal[] }) {
  return (
    <Card>
      <CardHeader title="Transactions by currency" description="Count and amount per type, in each currency recorded." />
      {totals.length === 0 ? (
        <p className="px-5 py-6 text-zinc-600">No transactions in this period.</p>
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Currency</TH>
              <TH>Type</TH>
              <TH className="text-right">Count</TH>
              <TH className="text-right">Amount</TH>
            </TR>
          </THead>
          <TBody>
            {totals.map((row) => (
              <TR key={`${row.currency}-${row.type}`}>
                <TD className="font-mono text-xs">{row.currency}</TD>
                <TD>{typeLabels[row.type] ?? row.type}</TD>
                <TD className="text-right tabular-nums">{count.format(row.count)}</TD>
                <TD className="text-right whitespace-nowrap tabular-nums">
                  {formatMoney(row.totalAmount, row.currency)}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

export function EventTotals({ events }: { events: { eventType: string; count: number }[] }) {
  const total = events.reduce((sum, e) => sum + e.count, 0);
  return (
    <Card>
      <CardHeader title="API requests by type" description={`${count.format(total)} recorded calls in this period.`} />
      {events.length === 0 ? (
        <p className="px-5 py-6 text-zinc-600">No API requests in this period.</p>
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Request</TH>
              <TH>Event</TH>
              <TH className="text-right">Count</TH>
            </TR>
          </THead>
          <TBody>
            {[...events]
              .sort((a, b) => b.count - a.count)
              .map((event) => (
                <TR key={event.eventType}>
                  <TD>{eventLabels[event.eventType] ?? event.eventType}</TD>
                  <TD className="font-mono text-xs text-zinc-600">{event.eventType}</TD>
                  <TD className="text-right tabular-nums">{count.format(event.count)}</TD>
                </TR>
              ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

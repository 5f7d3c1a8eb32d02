import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import { isRetiring, type ApiKeyRow } from "./api-key-row";

interface ApiKeyTableProps {
  keys: ApiKeyRow[];
  onRotate: (key: ApiKeyRow) => void;
  onRevoke: (key: ApiKeyRow) => void;
}

const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });

// Date on one line, time and zone below, to keep the columns narrow.
function DateTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} className="block leading-tight whitespace-nowrap">
      {formatDate(iso)}
      <span className="block text-xs text-zinc-500">{time.format(new Date(iso))} UTC</span>
    </time>
  );
}

export function ApiKeyTable({ keys, onRotate, onRevoke }: ApiKeyTableProps) {
  return (
    <Table
      className={cn(
        "[&_td]:px-3 [&_th]:px-3 [&_td:first-child]:pl-5 [&_th:first-child]:pl-5",
        // On phones only name, status and actions show (details from md up); wider tables scroll with the name
        // column kept in place so every row stays identifiable.
        "[&_td:first-child]:sticky [&_td:first-child]:left-0 [&_td:first-child]:z-10 [&_td:first-child]:bg-white",
        "[&_th:first-child]:sticky [&_th:first-child]:left-0 [&_th:first-child]:z-10 [&_th:first-child]:bg-zinc-50",
      )}
    >
      <THead>
        <TR>
          <TH>Name and key</TH>
          <TH className="hidden md:table-cell">Scopes</TH>
          <TH className="hidden md:table-cell">Created</TH>
          <TH className="hidden md:table-cell">Last used</TH>
          <TH className="hidden md:table-cell">Expires</TH>
          <TH>Status</TH>
          {/* relative keeps the sr-only label inside the scrolling wrapper instead of widening the page. */}
          <TH className="relative">
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {keys.map((key) => {
          const retiring = isRetiring(key);
          const usable = key.status === "active";
          return (
            <TR key={key.id} className={cn(!usable && "text-zinc-500 [&_td]:text-zinc-500")}>
              <TD className="min-w-32">
                <div className={cn("max-w-40 truncate sm:max-w-52 font-medium", usable && "text-zinc-900")} title={key.name}>
                  {key.name}
                </div>
                <div className="mt-0.5 flex items-center gap-1.5 whitespace-nowrap">
                  <span className="font-mono text-xs text-zinc-500">{key.prefix}…</span>
                  <Badge tone={key.environment === "live" ? "blue" : "gray"} className="px-1.5 py-0 text-[11px]">
                    {key.environment === "live" ? "Live" : "Test"}
                  </Badge>
                </div>
              </TD>
              <TD className="hidden md:table-cell">
                <div className="flex w-40 flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="gray" className="px-1.5 font-mono text-[11px]">
                      {scope}
                    </Badge>
                  ))}
                </div>
              </TD>
              <TD className="hidden md:table-cell whitespace-nowrap">
                <time dateTime={key.createdAt}>{formatDate(key.createdAt)}</time>
              </TD>
              <TD className="hidden md:table-cell">{key.lastUsedAt ? <DateTime iso={key.lastUsedAt} /> : "Never"}</TD>
              <TD className="hidden md:table-cell whitespace-nowrap">
                {key.expiresAt ? <time dateTime={key.expiresAt}>{formatDate(key.expiresAt)}</time> : "Never"}
              </TD>
              <TD>
                {retiring ? (
                  <>
                    <Badge tone="amber">Retiring</Badge>
                    <div className="mt-1 text-xs leading-tight whitespace-nowrap text-zinc-600">
                      retires <time dateTime={key.revokedAt!}>{formatDate(key.revokedAt!)}</time>
                      <span className="block">{time.format(new Date(key.revokedAt!))} UTC</span>
                    </div>
                  </>
                ) : (
                  <StatusBadge status={key.status} />
                )}
              </TD>
              <TD className="text-right">
                {usable && (
                  <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                    {!retiring && (
                      <Button variant="ghost" size="sm" aria-label={`Rotate ${key.name}`} onClick={() => onRotate(key)}>
                        Rotate
                      </Button>
                    )}
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Revoke ${key.name}`}
                      className="text-red-700 hover:bg-red-50 hover:text-red-800"
                      onClick={() => onRevoke(key)}
                    >
                      Revoke
                    </Button>
                  </div>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

import { Badge, StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime } from "@/lib/format";
import { isRetiring, type ApiKeyRow } from "./api-key-row";

interface ApiKeyTableProps {
  keys: ApiKeyRow[];
  onRotate: (key: ApiKeyRow) => void;
  onRevoke: (key: ApiKeyRow) => void;
}

export function ApiKeyTable({ keys, onRotate, onRevoke }: ApiKeyTableProps) {
  return (
    <Table>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Key</TH>
          <TH>Scopes</TH>
          <TH>Environment</TH>
          <TH>Created</TH>
          <TH>Last used</TH>
          <TH>Expires</TH>
          <TH>Status</TH>
          <TH>
            <span className="sr-only">Actions</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {keys.map((key) => {
          const retiring = isRetiring(key);
          const usable = key.status === "active";
          return (
            <TR key={key.id} className={cn(!usable && "text-zinc-500")}>
              <TD className={cn("max-w-48 truncate font-medium", usable ? "text-zinc-900" : "text-zinc-500")} title={key.name}>
                {key.name}
              </TD>
              <TD className="font-mono text-xs whitespace-nowrap">{key.prefix}…</TD>
              <TD>
                <div className="flex min-w-40 flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="gray" className="px-1.5 font-mono text-[11px]">
                      {scope}
                    </Badge>
                  ))}
                </div>
              </TD>
              <TD>
                <Badge tone={key.environment === "live" ? "blue" : "gray"}>{key.environment === "live" ? "Live" : "Test"}</Badge>
              </TD>
              <TD className="whitespace-nowrap">
                <time dateTime={key.createdAt}>{formatDate(key.createdAt)}</time>
              </TD>
              <TD className="whitespace-nowrap">
                {key.lastUsedAt ? <time dateTime={key.lastUsedAt}>{formatDateTime(key.lastUsedAt)}</time> : "Never"}
              </TD>
              <TD className="whitespace-nowrap">
                {key.expiresAt ? <time dateTime={key.expiresAt}>{formatDate(key.expiresAt)}</time> : "Never"}
              </TD>
              <TD className="whitespace-nowrap">
                {retiring ? (
                  <>
                    <Badge tone="amber">Retiring</Badge>
                    <div className="mt-1 text-xs text-zinc-600">
                      retires <time dateTime={key.revokedAt!}>{formatDateTime(key.revokedAt!)}</time>
                    </div>
                  </>
                ) : (
                  <StatusBadge status={key.status} />
                )}
              </TD>
              <TD className="text-right whitespace-nowrap">
                {usable && (
                  <div className="flex justify-end gap-1">
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

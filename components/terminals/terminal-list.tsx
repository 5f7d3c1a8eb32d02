"use client";
import { useQuery } from "@tanstack/react-query";
import { MonitorSmartphone } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { requestJson } from "@/components/api-keys/request-json";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { RefetchError } from "@/components/ui/refetch-error";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsageBar } from "@/components/ui/progress";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export interface TerminalRow {
  terminalId: string;
  lastSeenAt: string;
}

const ONLINE_WINDOW_MS = 5 * 60_000;
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

// Whole minutes, rounded down, so "5 minutes ago" never shows beside "Online".
function timeAgo(iso: string, now: number) {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  return relative.format(-Math.floor(hours / 24), "day");
}

interface TerminalListProps {
  initialTerminals: TerminalRow[];
  // The server's clock at render time, so the first client render matches the HTML.
  renderedAt: number;
  terminalLimit: number;
  canManageKeys: boolean;
}

export function TerminalList({ initialTerminals, renderedAt, terminalLimit, canManageKeys }: TerminalListProps) {
  const [now, setNow] = useState(renderedAt);
  const terminals = useQuery({
    queryKey: ["terminals"],
    queryFn: () => requestJson<{ terminals: TerminalRow[] }>("/api/business/terminals").then((body) => body.terminals),
    initialData: initialTerminals,
    refetchInterval: 30_000,
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const list = terminals.data;
  const onlineCount = list.filter((t) => now - new Date(t.lastSeenAt).getTime() < ONLINE_WINDOW_MS).length;

  return (
    <Card>
      <CardHeader
        title="Terminals"
        description={
          list.length === 0
            ? "Terminals appear here after their first heartbeat."
            : `${onlineCount} of ${list.length} online · online means a heartbeat in the last 5 minutes`
        }
      />
      {terminals.isRefetchError && <RefetchError what="terminals" message={terminals.error.message} onRetry={() => terminals.refetch()} />}
      {list.length === 0 ? (
        <EmptyState
          icon={MonitorSmartphone}
          title="No terminals seen yet"
          description="Have each terminal call POST /api/pos/heartbeat with its terminalId every minute or so."
          action={
            canManageKeys ? (
              <Link href="/dashboard/api-keys" className={buttonClasses({ variant: "secondary" })}>
                Get an API key
              </Link>
            ) : undefined
          }
        />
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Terminal</TH>
              <TH>Status</TH>
              <TH>Last seen</TH>
            </TR>
          </THead>
          <TBody>
            {list.map((terminal) => {
              const online = now - new Date(terminal.lastSeenAt).getTime() < ONLINE_WINDOW_MS;
              return (
                <TR key={terminal.terminalId}>
                  <TD className="font-mono text-xs font-medium whitespace-nowrap text-zinc-900">{terminal.terminalId}</TD>
                  <TD>
                    <Badge tone={online ? "green" : "gray"} className="gap-1.5">
                      <span aria-hidden="true" className={online ? "size-1.5 rounded-full bg-green-600" : "size-1.5 rounded-full bg-zinc-400"} />
                      {online ? "Online" : "Offline"}
                    </Badge>
                  </TD>
                  <TD className="whitespace-nowrap">
                    <span className="block text-zinc-900">{timeAgo(terminal.lastSeenAt, now)}</span>
                    <time dateTime={terminal.lastSeenAt} className="block text-xs text-zinc-500">
                      {formatDateTime(terminal.lastSeenAt)}
                    </time>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      <CardBody className="border-t border-zinc-200">
        <UsageBar label="Terminals on your plan" used={list.length} limit={terminalLimit} alerts={canManageKeys} />
      </CardBody>
    </Card>
  );
}

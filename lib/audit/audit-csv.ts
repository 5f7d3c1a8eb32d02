import type { AuditEntryView } from "./schemas";

const columns = ["time_utc", "actor", "actor_type", "action", "description", "target_type", "target_id", "target", "ip_address", "user_agent"] as const;

// Quoted per RFC 4180; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '.
function cell(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditLogCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((entry) =>
    [
      entry.createdAt.toISOString(),
      entry.actor.name,
      entry.actor.type,
      entry.action,
      entry.description,
      entry.target.type,
      entry.target.id,
      entry.target.label,
      entry.ipAddress,
      entry.userAgent,
    ]
      .map(cell)
      .join(","),
  );
  return `${[columns.join(","), ...rows].join("\r\n")}\r\n`;
}

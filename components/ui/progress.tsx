import { cn } from "@/lib/cn";

export type UsageBarProps = {
  label: string;
  used: number;
  /** -1 means unlimited. */
  limit: number;
  className?: string;
  // Red and amber warnings are for people who can act on them (revoke, upgrade); others see a plain bar.
  alerts?: boolean;
};

// Fixed locale so server and client render identical text (no hydration mismatch).
const fmt = new Intl.NumberFormat("en-US");

export function UsageBar({ label, used, limit, className, alerts = true }: UsageBarProps) {
  const unlimited = limit < 0;
  const ratio = unlimited ? 0 : limit === 0 ? (used > 0 ? 1 : 0) : used / limit;
  const percent = Math.min(100, Math.round(ratio * 100));
  const status = unlimited || !alerts ? null : ratio >= 1 ? "Limit reached" : ratio >= 0.8 ? "Near limit" : null;
  const bar = !alerts ? "bg-zinc-400" : ratio >= 1 ? "bg-red-600" : ratio >= 0.8 ? "bg-amber-500" : "bg-accent-600";

  return (
    <div className={cn("space-y-1.5 text-sm", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <span className="font-medium text-zinc-800">{label}</span>
        <span className="text-zinc-600 tabular-nums">
          {fmt.format(used)} / {unlimited ? "Unlimited" : fmt.format(limit)}
          {status && (
            <span className={cn("ml-2 font-medium", ratio >= 1 ? "text-red-700" : "text-amber-800")}>{status}</span>
          )}
        </span>
      </div>
      {unlimited ? (
        <div aria-hidden="true" className="h-2 rounded-full bg-zinc-100" />
      ) : (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={`${fmt.format(used)} of ${fmt.format(limit)}${status ? ` (${status.toLowerCase()})` : ""}`}
          className="h-2 overflow-hidden rounded-full bg-zinc-100"
        >
          <div className={cn("h-full rounded-full transition-[width]", bar)} style={{ width: `${percent}%` }} />
        </div>
      )}
    </div>
  );
}

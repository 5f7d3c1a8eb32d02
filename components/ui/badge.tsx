import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export type BadgeTone = "green" | "amber" | "red" | "gray" | "blue";

// -800 text on -50 backgrounds keeps every tone above 4.5:1 (WCAG AA).
const tones: Record<BadgeTone, string> = {
  green: "bg-green-50 text-green-800 ring-green-600/25",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/30",
  red: "bg-red-50 text-red-800 ring-red-600/25",
  gray: "bg-zinc-100 text-zinc-700 ring-zinc-500/25",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/25",
};

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone };

export function Badge({ tone = "gray", className, ...props }: BadgeProps) {
  return (
    <span
      {...props}
      className={cn(
        "inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
    />
  );
}

const statusTones: Record<string, BadgeTone> = {
  active: "green",
  paid: "green",
  sent: "green",
  succeeded: "green",
  operational: "green",
  online: "green",
  pending: "amber",
  past_due: "amber",
  trialing: "amber",
  queued: "amber",
  processing: "amber",
  failed: "red",
  suspended: "red",
  uncollectible: "red",
  revoked: "red",
  expired: "red",
  canceled: "gray",
  cancelled: "gray",
  draft: "gray",
  void: "gray",
  offline: "gray",
  unknown: "gray",
  owner: "blue",
  admin: "blue",
  staff: "blue",
};

export function statusTone(status: string): BadgeTone {
  return statusTones[status.trim().toLowerCase().replace(/[\s-]+/g, "_")] ?? "gray";
}

export function statusLabel(status: string) {
  const text = status.trim().replace(/[_-]+/g, " ").toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function StatusBadge({ status, ...props }: Omit<BadgeProps, "tone" | "children"> & { status: string }) {
  return (
    <Badge tone={statusTone(status)} {...props}>
      {statusLabel(status)}
    </Badge>
  );
}

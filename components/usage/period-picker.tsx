import Link from "next/link";
import { cn } from "@/lib/cn";
import { periodOptions, type PeriodDays } from "./usage-period";

export function PeriodPicker({ current }: { current: PeriodDays }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg border border-zinc-300 bg-white p-0.5 shadow-sm">
      {periodOptions.map((days) => (
        <Link
          key={days}
          href={`?period=${days}`}
          scroll={false}
          aria-current={days === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100",
            days === current && "bg-zinc-900 text-white hover:bg-zinc-900",
          )}
        >
          Last {days} days
        </Link>
      ))}
    </nav>
  );
}

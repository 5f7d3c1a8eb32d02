import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";

export interface StuckLine {
  key: string;
  title: ReactNode;
  detail?: ReactNode;
  extra?: ReactNode;
}

// One kind of stuck thing: its lines, each linking to the page where it is fixed, or a calm "nothing" line.
export function StuckSection({ title, fixHref, fixLabel, lines, empty }: { title: string; fixHref: string; fixLabel: string; lines: StuckLine[]; empty: string }) {
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            {title}
            <span className={lines.length ? "rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" : "rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800"}>
              {lines.length}
            </span>
          </span>
        }
        action={
          <Link href={fixHref} className="text-sm font-medium text-zinc-900 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2">
            {fixLabel}
          </Link>
        }
      />
      {lines.length === 0 ? (
        <p className="px-5 py-4 text-zinc-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {lines.map((line) => (
            <li key={line.key} className="space-y-1 px-5 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={fixHref} className="font-medium text-zinc-900 hover:underline focus-visible:outline-2">
                  {line.title}
                </Link>
                {line.extra}
              </div>
              {line.detail && <div className="text-zinc-600">{line.detail}</div>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

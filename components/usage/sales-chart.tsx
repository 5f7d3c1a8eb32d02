"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { DailySales } from "./usage-period";

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

function SalesTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: DailySales }[] }) {
  const entry = payload?.[0]?.payload;
  if (!active || !entry) return null;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-zinc-900">{fullDay.format(new Date(`${entry.day}T00:00:00Z`))} (UTC)</p>
      <p className="mt-1 text-zinc-700">
        {entry.count} {entry.count === 1 ? "sale" : "sales"}
      </p>
      {entry.amounts.map(({ currency, amount }) => (
        <p key={currency} className="text-zinc-900 tabular-nums">
          {formatMoney(amount, currency)}
        </p>
      ))}
    </div>
  );
}

export function SalesChart({ data }: { data: DailySales[] }) {
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const busiest = data.reduce((best, d) => (d.count > best.count ? d : best), data[0]);
  return (
    <figure>
      <figcaption className="sr-only">
        Sales per day, UTC. Focus the chart and use the arrow keys to read each day.{" "}
        {total} sales over {data.length} days{busiest && busiest.count > 0 ? `; the busiest day was ${label(busiest.day)} with ${busiest.count}` : ""}.
      </figcaption>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e4e4e7" />
            <XAxis
              dataKey="day"
              tickFormatter={label}
              tickLine={false}
              axisLine={{ stroke: "#d4d4d8" }}
              tick={{ fontSize: 12, fill: "#52525b" }}
              minTickGap={16}
            />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#52525b" }} width={48} />
            <Tooltip content={SalesTooltip} cursor={{ fill: "#f4f4f5" }} />
            <Bar dataKey="count" name="Sales" fill="#4338ca" radius={[3, 3, 0, 0]} maxBarSize={32} animationDuration={400} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

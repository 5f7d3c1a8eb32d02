"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

export function CreditsChart({ data }: { data: { day: string; used: number }[] }) {
  const total = data.reduce((sum, d) => sum + d.used, 0);
  return (
    <figure>
      <figcaption className="sr-only">Credits used per day (UTC): {total} over the last {data.length} days.</figcaption>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e4e4e7" />
            <XAxis dataKey="day" tickFormatter={label} tickLine={false} axisLine={{ stroke: "#d4d4d8" }} tick={{ fontSize: 12, fill: "#52525b" }} minTickGap={16} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#52525b" }} width={48} />
            <Tooltip labelFormatter={(day) => `${label(String(day))} (UTC)`} formatter={(value) => [`${value} credits`, "Used"]} cursor={{ fill: "#f4f4f5" }} />
            <Bar dataKey="used" name="Credits used" fill="#4338ca" radius={[3, 3, 0, 0]} maxBarSize={32} animationDuration={400} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

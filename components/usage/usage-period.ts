export const periodOptions = [7, 30, 90] as const;
export type PeriodDays = (typeof periodOptions)[number];

const DAY_MS = 86_400_000;

export function parsePeriod(value: string | string[] | undefined): PeriodDays {
  const days = Number(Array.isArray(value) ? value[0] : value);
  return periodOptions.find((option) => option === days) ?? 30;
}

// Whole UTC days ending with today, so every bar in the chart covers a full day.
export function periodRange(days: PeriodDays, now = new Date()) {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  return { from: new Date(tomorrow - days * DAY_MS), to: new Date(tomorrow) };
}

export interface DailySales {
  day: string;
  count: number;
  amounts: { currency: string; amount: number }[];
}

// One entry per day of the range, zero-filled, from getDailyTransactions' rows (one per day and currency).
export function dailySeries(rows: { day: string; currency: string; count: number; amount: number }[], from: Date, to: Date): DailySales[] {
  const byDay = new Map<string, DailySales>();
  for (let t = from.getTime(); t < to.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    byDay.set(day, { day, count: 0, amounts: [] });
  }
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.count += row.count;
    entry.amounts.push({ currency: row.currency, amount: row.amount });
  }
  return [...byDay.values()];
}

// Usage limits count per calendar month in UTC, e.g. "2026-11".
export function monthPeriod(date = new Date()): string {
  return date.toISOString().slice(0, 7);
}

export function startOfMonthUtc(date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

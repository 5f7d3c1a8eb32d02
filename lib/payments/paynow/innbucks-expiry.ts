const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const HARARE_OFFSET_HOURS = 2;

// Paynow gives InnBucks expiry as "d-MMM-yyyy HH:mm" in Zimbabwe time (UTC+2, no daylight saving).
export function parseInnbucksExpiry(text: string | undefined): Date | null {
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{1,2}):(\d{2})$/.exec(text?.trim() ?? "");
  if (!match) return null;
  const [, day, month, year, hour, minute] = match;
  const monthIndex = months.indexOf(month.toLowerCase());
  if (monthIndex < 0) return null;
  return new Date(Date.UTC(Number(year), monthIndex, Number(day), Number(hour) - HARARE_OFFSET_HOURS, Number(minute)));
}

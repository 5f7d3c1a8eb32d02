// Intl formatters are costly to build (a billing run formats thousands of amounts and dates): one per shape.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(date: Date | string, locale = "en-GB"): string {
  const format = cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }));
  return format.format(new Date(date)) + " UTC";
}

export function formatDate(date: Date | string, locale = "en-GB"): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })).format(new Date(date));
}

export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  // An unknown currency code still throws RangeError here, as the constructor does.
  const format = cached(`m:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency }));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

// Paynow speaks decimal strings ("29.99"); we keep integer minor units. Both currencies we bill (USD, ZWG)
// have two decimals. Parsing is textual so no float ever touches an amount.

export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in minor units: ${cents}`);
  const text = String(cents).padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

export function decimalToCents(text: string): number | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, units, fraction = ""] = match;
  return Number(units) * 100 + Number(fraction.padEnd(2, "0"));
}

import { formatDateTime, formatMoney } from "@/lib/format";

// Money in the record's own currency (USD, ZWG…) and instants with their time zone, as every email shows them.
export const money = (amountCents: number, currency: string) => formatMoney(amountCents, currency.toUpperCase());
export const when = (date: Date) => formatDateTime(date);

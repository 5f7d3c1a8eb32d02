export type PayMethod = "ecocash" | "onemoney" | "innbucks" | "card";

export interface MethodInfo {
  id: PayMethod;
  name: string;
  hint: string;
  badge: string;
  badgeClass: string;
}

// Initials on a brand-ish colour rather than logos we do not have rights to ship.
export const methods: MethodInfo[] = [
  { id: "ecocash", name: "EcoCash", hint: "Econet · 077 / 078", badge: "EC", badgeClass: "bg-blue-700 text-white" },
  { id: "onemoney", name: "OneMoney", hint: "NetOne · 071", badge: "OM", badgeClass: "bg-orange-600 text-white" },
  { id: "innbucks", name: "InnBucks", hint: "Code or QR in the app", badge: "IB", badgeClass: "bg-red-700 text-white" },
  { id: "card", name: "Card", hint: "Visa · Mastercard", badge: "", badgeClass: "bg-zinc-800 text-white" },
];

export const methodName = (id: string | null | undefined) => methods.find((m) => m.id === id)?.name ?? "Paynow";

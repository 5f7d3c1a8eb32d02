import { plans } from "@/lib/billing/plans";

// Turns an audit-log row into a sentence a person reads ("Tendai created the API key “Till 1”"), so lists of
// activity never show raw action codes. Unknown codes still read as a sentence.

export interface AuditEntryInput {
  action: string;
  data?: unknown;
  // The user who acted; null when the system did (a webhook, a cron).
  actor: { name: string | null; email?: string | null } | null;
}

export interface DescribedAuditEntry {
  actor: string;
  sentence: string;
}

type Data = Record<string, unknown>;
type Describe = (data: Data) => string;

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
const quoted = (value: unknown) => (text(value) ? `“${text(value)}”` : "");
const planName = (value: unknown) => (typeof value === "string" && value in plans ? plans[value as keyof typeof plans].name : text(value) ?? "another plan");
const withSpace = (value: string) => (value ? ` ${value}` : "");

const sentences: Record<string, Describe> = {
  "business.registered": () => "registered the business",
  "business.updated": (data) => {
    const fields = [text(data.name) !== null && "name", data.contactEmail !== undefined && "billing email"].filter(Boolean);
    return fields.length ? `changed the business's ${fields.join(" and ")}` : "updated the business details";
  },
  "api_key.created": (data) => `created the API key${withSpace(quoted(data.name))}${text(data.prefix) ? ` (${text(data.prefix)}…)` : ""}`,
  "api_key.revoked": () => "revoked an API key",
  "api_key.rotated": (data) => {
    const hours = typeof data.graceSeconds === "number" ? Math.round(data.graceSeconds / 3600) : null;
    return hours ? `rotated an API key (the old one works for ${hours} more hour${hours === 1 ? "" : "s"})` : "rotated an API key";
  },
  "pos_settings.updated": () => "changed the POS terminal settings",
  "billing.plan_changed": (data) => `changed the plan from ${planName(data.from)} to ${planName(data.to)}`,
  "billing.cancel_scheduled": () => "cancelled the subscription at the end of the paid period",
  "billing.cancel_undone": () => "resumed the subscription",
  "billing.subscription_ended": (data) => `saw the card subscription end; the business moved from ${planName(data.from)} to Free`,
  "billing.stripe_event_ignored": () => "ignored a card-subscription update because the period is paid with mobile money",
  "billing.extra_subscription_ignored": () => "ignored a second card subscription for this business",
};

function fallback(action: string): string {
  const [subject, verb] = action.split(".");
  const words = (value: string | undefined) => (value ?? "").replace(/[_-]+/g, " ").trim();
  return verb ? `${words(verb)} (${words(subject)})` : words(subject) || "did something";
}

export function describeAuditEntry(entry: AuditEntryInput): DescribedAuditEntry {
  const data = entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? (entry.data as Data) : {};
  const describe = sentences[entry.action];
  const actor = entry.actor ? (text(entry.actor.name) ?? text(entry.actor.email) ?? "A former member") : "Tangabiz";
  return { actor, sentence: describe ? describe(data) : fallback(entry.action) };
}

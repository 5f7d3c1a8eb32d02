// Audit entries as sentences people read ("Tendai revoked key tb_live_zFwc… (Till 2)"), one row per action.
// The Activity page, its CSV export and the overview's "Recent activity" all use this table.

export interface DescribableAuditEntry {
  action: string;
  targetLabel?: string | null;
  entityId?: string | null;
  data?: unknown;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  // Resolved by the reader: the user's name, or the API key's prefix and name.
  actorName?: string | null;
}

interface Phrase {
  // Short name of the action, for the filter.
  label: string;
  // The predicate after the actor: "revoked key tb_live_zFwc… (Till 2)".
  describe: (target: string, data: Record<string, unknown>) => string;
  // The whole sentence when no person or key acted (Stripe events, jobs).
  bySystem?: (target: string, data: Record<string, unknown>) => string;
}

const text = (value: unknown, fallback = "?") => (typeof value === "string" && value ? value : fallback);
const planName = (value: unknown) => {
  const plan = text(value, "unknown");
  return plan.charAt(0).toUpperCase() + plan.slice(1);
};
const listOf = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string").join(", ") : "");

export const auditActions = {
  "auth.new_device_sign_in": {
    label: "Sign-in from a new device",
    describe: (_t, d) => `signed in from a new device (${text(d.device, "unknown browser")}${d.ipAddress ? `, ${text(d.ipAddress)}` : ""})`,
  },
  "business.registered": { label: "Business registered", describe: () => "registered the business" },
  "business.updated": {
    label: "Business settings changed",
    describe: (_t, d) => `changed the business settings (${Object.keys(d).join(", ") || "no fields"})`,
  },
  "settings.updated": { label: "Settings changed", describe: (t) => `changed the ${t} settings` },
  "pos_settings.updated": { label: "Terminal settings changed", describe: () => "changed the terminal settings" },
  "member.invited": { label: "Member invited", describe: (t, d) => `invited ${t} as ${text(d.role, "staff")}` },
  "member.role_changed": {
    label: "Member role changed",
    describe: (t, d) => `changed the role of ${t} ${d.from ? `from ${text(d.from)} ` : ""}to ${text(d.to)}`,
  },
  "member.removed": { label: "Member removed", describe: (t) => `removed ${t} from the team` },
  "api_key.created": { label: "API key created", describe: (t) => `created key ${t}` },
  "api_key.rotated": { label: "API key rotated", describe: (t) => `rotated key ${t}` },
  "api_key.revoked": { label: "API key revoked", describe: (t) => `revoked key ${t}` },
  "billing.plan_changed": {
    label: "Plan changed",
    describe: (_t, d) => `changed the plan from ${planName(d.from)} to ${planName(d.to)}`,
    bySystem: (_t, d) => `The plan changed from ${planName(d.from)} to ${planName(d.to)}`,
  },
  "billing.cancel_scheduled": {
    label: "Plan cancelled",
    describe: () => "cancelled the plan at the end of the paid period",
  },
  "billing.cancel_undone": { label: "Plan resumed", describe: () => "resumed the plan (the cancellation is undone)" },
  "billing.subscription_ended": {
    label: "Subscription ended",
    describe: (_t, d) => `ended the ${planName(d.from)} subscription; the business is on Free`,
    bySystem: (_t, d) => `The ${planName(d.from)} subscription ended; the business is back on Free`,
  },
  "billing.stripe_event_ignored": {
    label: "Card event ignored",
    describe: (_t, d) => `ignored a card subscription event (${text(d.reason, "not current")})`,
    bySystem: (_t, d) => `A card subscription event was ignored (${text(d.reason, "not current")})`,
  },
  "billing.extra_subscription_ignored": {
    label: "Extra card subscription",
    describe: () => "found a second card subscription to refund",
    bySystem: (_t, d) => `A second card subscription ${text(d.subscription, "")} was found and left for a refund`,
  },
  "business.closed": {
    label: "Business closed",
    describe: (_t, d) => `closed the business (${Number(d.revokedKeys ?? 0)} keys revoked, ${Number(d.voidedInvoices ?? 0)} open invoices voided)`,
  },
  "email.sent_again": { label: "Email sent again", describe: (t) => `sent the email ${t} again` },
  "invoice.voided": { label: "Invoice voided", describe: (t) => `voided invoice ${t}` },
  "integration.connected": { label: "Integration connected", describe: (t) => `connected ${t}` },
  "integration.reconfigured": { label: "Integration reconfigured", describe: (t) => `reconfigured ${t}` },
  "integration.disconnected": { label: "Integration disconnected", describe: (t) => `disconnected ${t}` },
  "webhook_endpoint.created": {
    label: "Webhook endpoint created",
    describe: (t, d) => `added the webhook endpoint ${t}${listOf(d.events) ? ` for ${listOf(d.events)}` : ""}`,
  },
  "webhook_endpoint.updated": {
    label: "Webhook endpoint changed",
    describe: (t, d) => `changed the webhook endpoint ${t} (${listOf(d.changed) || "no fields"})`,
  },
  "webhook_endpoint.secret_rotated": { label: "Webhook secret rotated", describe: (t) => `rotated the signing secret of ${t}` },
  "webhook_endpoint.deleted": { label: "Webhook endpoint deleted", describe: (t) => `deleted the webhook endpoint ${t}` },
  "webhook_endpoint.auto_disabled": {
    label: "Webhook endpoint disabled",
    describe: (t, d) => `disabled the webhook endpoint ${t}: ${text(d.reason, "")}`,
    bySystem: (t, d) => `Tangabiz disabled the webhook endpoint ${t}: ${text(d.reason, "")}`,
  },
} satisfies Record<string, Phrase>;

export type AuditAction = keyof typeof auditActions;

export function auditActionLabel(action: string): string {
  return (auditActions as Record<string, Phrase>)[action]?.label ?? action;
}

// One sentence with the actor: "Tendai revoked key tb_live_zFwc… (Till 2)".
export function describeAuditEntry(entry: DescribableAuditEntry): string {
  const phrase = (auditActions as Record<string, Phrase>)[entry.action];
  const data = entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? (entry.data as Record<string, unknown>) : {};
  const target = entry.targetLabel || entry.entityId || "a record";
  const hasActor = Boolean(entry.actorUserId || entry.actorApiKeyId);
  const actor = entry.actorName || (entry.actorApiKeyId ? "An API key" : entry.actorUserId ? "A former member" : null);
  if (!phrase) return `${actor ?? "Tangabiz"}: ${entry.action}${entry.targetLabel ? ` (${entry.targetLabel})` : ""}`;
  if (!hasActor && phrase.bySystem) return phrase.bySystem(target, data);
  return `${hasActor ? actor : "Tangabiz"} ${phrase.describe(target, data)}`;
}

// "tb_live_zFwc… (Till 2)", the way keys are named in sentences.
export function apiKeyLabel(key: { prefix: string; name: string }): string {
  return `${key.prefix}… (${key.name})`;
}

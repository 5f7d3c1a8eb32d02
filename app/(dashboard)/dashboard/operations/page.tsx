import type { Metadata } from "next";
import { AccessDenied } from "@/components/dashboard/access-denied";
import { PageHeader } from "@/components/dashboard/page-header";
import { ReapplyCallbackButton } from "@/components/operations/reapply-callback-button";
import { StuckSection } from "@/components/operations/stuck-section";
import { requireMember } from "@/lib/auth/page-session";
import { hasRole } from "@/lib/auth/roles";
import { formatDateTime, formatMoney } from "@/lib/format";
import { findStuckItems, STUCK_AFTER } from "@/lib/operations/find-stuck-items";

export const metadata: Metadata = { title: "Operations" };

export default async function OperationsPage() {
  const { member } = await requireMember();
  if (!hasRole(member.role, "admin")) return <AccessDenied required="admin" />;
  const items = await findStuckItems(member.businessId);
  return (
    <>
      <PageHeader title="Operations" description="Is anything stuck? Each line links to where it is fixed." />
      <div className="space-y-4">
        <StuckSection
          title={`Payments pending for over ${STUCK_AFTER.pendingPaymentMinutes} minutes`}
          fixHref="/dashboard/billing"
          fixLabel="Billing"
          empty="No payment is waiting longer than it should."
          lines={items.pendingPayments.map((p) => ({
            key: p.id,
            title: `${formatMoney(p.amountCents, p.currency)} by ${p.method ?? p.provider}${p.invoice ? ` for ${p.invoice.number}` : ""}`,
            detail: `Started ${formatDateTime(p.createdAt)}. Reconciliation polls the provider every 15 minutes; the payer can also cancel and retry.`,
          }))}
        />
        <StuckSection
          title="Payment callbacks that need a look"
          fixHref="/dashboard/billing"
          fixLabel="Billing"
          empty="Every callback about your payments was applied."
          lines={items.callbacks.map((c) => ({
            key: c.id,
            title: `${c.verified ? "Verified" : "Unverified (ignored)"} callback for ${c.reference}: ${(c.outcome ?? "pending").replace(/_/g, " ")}`,
            detail: (
              <>
                Received {formatDateTime(c.receivedAt)}.
                {c.body !== null && (
                  <details className="mt-1">
                    <summary className="cursor-pointer">Raw body</summary>
                    <pre className="mt-1 overflow-x-auto rounded bg-zinc-50 p-2 text-xs break-all whitespace-pre-wrap">{c.body}</pre>
                  </details>
                )}
              </>
            ),
            extra: c.canReapply ? <ReapplyCallbackButton callbackId={c.id} /> : undefined,
          }))}
        />
        <StuckSection
          title="Card billing events that failed"
          fixHref="/dashboard/billing"
          fixLabel="Billing"
          empty="No Stripe event about this business failed."
          lines={items.webhookEvents.map((e) => ({
            key: e.id,
            title: `${e.type} (${e.eventId})`,
            detail: `${e.attempts} attempt${e.attempts === 1 ? "" : "s"}, last error: ${e.error ?? "unknown"}. Stripe retries it for up to 3 days.`,
          }))}
        />
        <StuckSection
          title="Emails that failed"
          fixHref="/dashboard/outbox"
          fixLabel="Outbox"
          empty="No email failed."
          lines={items.failedEmails.map((m) => ({ key: m.id, title: `${m.subject} → ${m.to}`, detail: `${formatDateTime(m.createdAt)}: ${m.error ?? "failed"}` }))}
        />
        <StuckSection
          title={`API keys that stop within ${STUCK_AFTER.keyExpiryDays} days`}
          fixHref="/dashboard/api-keys"
          fixLabel="API keys"
          empty="No key stops working soon."
          lines={items.expiringKeys.map((k) => ({
            key: k.id,
            title: `${k.name} (${k.prefix}…)`,
            detail: `Stops ${formatDateTime((k.revokedAt ?? k.expiresAt)!)}${k.revokedAt ? " (rotated: old key in its grace period)" : ""}.`,
          }))}
        />
        <StuckSection
          title={`Terminals not seen for ${STUCK_AFTER.terminalSilentHours} hours`}
          fixHref="/dashboard/terminals"
          fixLabel="Terminals"
          empty="Every terminal called in during the last day."
          lines={items.silentTerminals.map((t) => ({ key: t.id, title: t.terminalId, detail: `Last seen ${formatDateTime(t.lastSeenAt)}.` }))}
        />
        <StuckSection
          title="Overdue invoices"
          fixHref="/dashboard/billing"
          fixLabel="Billing"
          empty="No invoice is past its due date."
          lines={items.overdueInvoices.map((i) => ({
            key: i.id,
            title: `${i.number}: ${formatMoney(i.amountDueCents, i.currency)} due`,
            detail: `Was due ${formatDateTime(i.dueAt!)}.`,
          }))}
        />
      </div>
    </>
  );
}

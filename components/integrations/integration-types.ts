import { Box, Building2, Cloud, HardDrive, Megaphone, Send, Users, Zap, type LucideIcon } from "lucide-react";
import type { ProviderId } from "@/lib/integrations/catalog";
import type { IntegrationView, SyncRunView } from "@/lib/integrations/schemas";

export type { IntegrationView, SyncRunView };

export const integrationsQueryKey = ["integrations"] as const;

export const providerIcons: Record<ProviderId, LucideIcon> = {
  hubspot: Users,
  salesforce: Cloud,
  zoho: Building2,
  mailchimp: Megaphone,
  sendgrid: Send,
  google_drive: HardDrive,
  dropbox: Box,
  zapier: Zap,
};

export function describeCounts(run: Pick<SyncRunView, "sent" | "updated" | "skipped" | "failed">): string {
  const parts = [`${run.sent} sent`, `${run.updated} updated`];
  if (run.skipped) parts.push(`${run.skipped} skipped`);
  if (run.failed) parts.push(`${run.failed} failed`);
  return parts.join(", ");
}

export const triggerLabels: Record<string, string> = {
  event: "After sales",
  manual: "Sync now",
  daily: "Daily",
  connect: "On connect",
};

import type { SyncingProviderId } from "../catalog";
import type { ProviderAdapter } from "../sync-context";
import { dropbox } from "./dropbox";
import { googleDrive } from "./google-drive";
import { hubspot } from "./hubspot";
import { mailchimp } from "./mailchimp";
import { salesforce } from "./salesforce";
import { sendgrid } from "./sendgrid";
import { zoho } from "./zoho";

export const adapters: Record<SyncingProviderId, ProviderAdapter> = {
  hubspot,
  salesforce,
  zoho,
  mailchimp,
  sendgrid,
  google_drive: googleDrive,
  dropbox,
};

export function adapterFor(provider: string): ProviderAdapter | undefined {
  return (adapters as Record<string, ProviderAdapter | undefined>)[provider];
}

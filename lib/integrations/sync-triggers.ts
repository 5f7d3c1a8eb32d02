import type { SyncingProviderId } from "./catalog";

// Providers that react to till customers and sales: a POS batch with customers queues their sync.
export const eventDrivenProviders: SyncingProviderId[] = ["hubspot", "salesforce", "zoho", "mailchimp", "sendgrid"];
// Providers that receive files: the daily cron queues them.
export const fileProviders: SyncingProviderId[] = ["google_drive", "dropbox"];

// A sale queues a sync this long after it; later sales join the waiting job instead of queuing another.
export const EVENT_SYNC_DEBOUNCE_MS = 60_000;

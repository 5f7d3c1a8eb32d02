import { startFakeProviders } from "../fakes/integrations";

// The fake integration providers the end-to-end server talks to (one port for all of them).
export const e2eIntegrations = {
  port: Number(process.env.E2E_INTEGRATIONS_PORT ?? 12113),
  hubspotToken: "pat-na1-fake-hubspot-token-0001",
  get url() {
    return `http://127.0.0.1:${this.port}`;
  },
};

export function e2eIntegrationsEnv(): Record<string, string> {
  return {
    HUBSPOT_API_BASE: e2eIntegrations.url,
    SALESFORCE_INSTANCE_URL_PATTERN: "^http://127\\.0\\.0\\.1:\\d+$",
    ZOHO_API_BASE: e2eIntegrations.url,
    MAILCHIMP_API_BASE: e2eIntegrations.url,
    SENDGRID_API_BASE: e2eIntegrations.url,
    GOOGLE_DRIVE_API_BASE: e2eIntegrations.url,
    DROPBOX_API_BASE: e2eIntegrations.url,
    DROPBOX_CONTENT_BASE: e2eIntegrations.url,
  };
}

// Playwright globalSetup: start the fakes for the whole run; the returned function stops them.
export default async function startFakeIntegrationProviders() {
  const { fake } = await startFakeProviders(e2eIntegrations.port);
  return () => fake.close();
}

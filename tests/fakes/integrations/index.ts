import { FakeDropbox } from "./dropbox";
import { FakeGoogleDrive } from "./google-drive";
import { FakeHubspot } from "./hubspot";
import { FakeMailchimp } from "./mailchimp";
import { FakeSalesforce } from "./salesforce";
import { FakeSendgrid } from "./sendgrid";
import { startFakeServer, type FakeServer } from "./server";
import { FakeZoho } from "./zoho";

export interface FakeIntegrations extends FakeServer {
  hubspot: FakeHubspot;
  salesforce: FakeSalesforce;
  zoho: FakeZoho;
  mailchimp: FakeMailchimp;
  sendgrid: FakeSendgrid;
  googleDrive: FakeGoogleDrive;
  dropbox: FakeDropbox;
}

// Starts the fake providers on one local port and returns the env that points the app at them.
export async function startFakeProviders(port = 0): Promise<{ fake: FakeIntegrations; env: Record<string, string> }> {
  const providers = {
    hubspot: new FakeHubspot(),
    salesforce: new FakeSalesforce(),
    zoho: new FakeZoho(),
    mailchimp: new FakeMailchimp(),
    sendgrid: new FakeSendgrid(),
    googleDrive: new FakeGoogleDrive(),
    dropbox: new FakeDropbox(),
  };
  // For end-to-end specs, which run in another process than the fake: what has arrived at HubSpot.
  const inspect = {
    provider: "inspect",
    method: "GET",
    pattern: /^\/__fake\/hubspot\/contacts$/,
    handle: () => ({ status: 200, json: { token: providers.hubspot.token, contacts: [...providers.hubspot.contacts.values()] } }),
  };
  const server = await startFakeServer([...Object.values(providers).flatMap((p) => p.routes()), inspect], port);
  const env = {
    HUBSPOT_API_BASE: server.url,
    SALESFORCE_INSTANCE_URL_PATTERN: "^http://127\\.0\\.0\\.1:\\d+$",
    ZOHO_API_BASE: server.url,
    MAILCHIMP_API_BASE: server.url,
    SENDGRID_API_BASE: server.url,
    GOOGLE_DRIVE_API_BASE: server.url,
    DROPBOX_API_BASE: server.url,
    DROPBOX_CONTENT_BASE: server.url,
    INTEGRATIONS_TIMEOUT_MS: "3000",
  };
  return { fake: Object.assign(server, providers), env };
}

// For vitest files: call inside vi.hoisted, before any app module reads lib/env.
export async function startFakeIntegrations(): Promise<FakeIntegrations> {
  const { fake, env } = await startFakeProviders();
  Object.assign(process.env, env);
  return fake;
}

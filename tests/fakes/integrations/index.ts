import { FakeHubspot } from "./hubspot";
import { startFakeServer, type FakeServer } from "./server";

export interface FakeIntegrations extends FakeServer {
  hubspot: FakeHubspot;
}

// Starts the fake providers and points the app's env at them; call before any app module loads (vi.hoisted).
export async function startFakeIntegrations(): Promise<FakeIntegrations> {
  const hubspot = new FakeHubspot();
  const server = await startFakeServer([...hubspot.routes()]);
  Object.assign(process.env, {
    HUBSPOT_API_BASE: server.url,
    INTEGRATIONS_TIMEOUT_MS: "3000",
  });
  return Object.assign(server, { hubspot });
}

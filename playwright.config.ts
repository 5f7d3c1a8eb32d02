import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2ePaynow } from "./tests/e2e/paynow-settings";
import { e2eIntegrationsEnv } from "./tests/e2e/integrations-setup";
import { e2eStripeEnv } from "./tests/e2e/stripe-setup";

// End-to-end tests run the production build (`npm run build` first) on a fresh embedded database,
// or on DATABASE_URL when it is set, in Debian's chromium (Playwright cannot download browsers here).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const dataDir = path.join(tmpdir(), `tangabiz-e2e-${randomBytes(4).toString("hex")}`);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  workers: 1,
  // Fakes the server under test talks to: Paynow on E2E_PAYNOW_PORT (12112), Stripe on E2E_STRIPE_PORT (12111).
  // Integration providers (HubSpot, Salesforce, …) on E2E_INTEGRATIONS_PORT (12113).
  globalSetup: ["./tests/e2e/paynow-setup.ts", "./tests/e2e/stripe-setup.ts", "./tests/e2e/integrations-setup.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      // Every browser of the run signs up from 127.0.0.1.
      AUTH_RATE_LIMIT_PER_MINUTE: "10000",
      AUTH_SIGN_IN_RATE_LIMIT_PER_MINUTE: "10000",
      APP_URL: baseURL,
      PGLITE_DIR: dataDir,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(24).toString("hex"),
      SEED_DEMO: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      // The webhooks spec's receiver listens on 127.0.0.1 (plain http).
      OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true",
      PAYNOW_INTEGRATION_ID: e2ePaynow.id,
      PAYNOW_INTEGRATION_KEY: e2ePaynow.key,
      PAYNOW_API_BASE: `http://127.0.0.1:${e2ePaynow.port}`,
      PAYNOW_RESULT_URL: `${baseURL}/api/webhooks/paynow`,
      PAYNOW_RETURN_URL: `${baseURL}/pay`,
      ...e2eStripeEnv(),
      ...e2eIntegrationsEnv(),
    },
  },
});

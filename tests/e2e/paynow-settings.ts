// Test-only Paynow integration shared by playwright.config.ts (the server's env) and the fake in global-setup.
export const e2ePaynow = {
  id: "1201",
  key: "5b1f0e7a-3c2d-4e8f-9a6b-7c0d1e2f3a4b",
  port: Number(process.env.E2E_PAYNOW_PORT ?? 12112),
};

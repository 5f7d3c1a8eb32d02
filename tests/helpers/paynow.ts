import { afterAll } from "vitest";
import { startFakePaynow } from "../fakes/paynow-server";

// Import this FIRST in a test file: it starts a fake Paynow and points the app's environment at it before
// lib/env is loaded by any other import.
export const PAYNOW_ID = "12345";
export const PAYNOW_KEY = "3e9fed89-60e1-4ce5-ab6e-6b1eb2d4f977";

export const fakePaynow = await startFakePaynow({ integrationId: PAYNOW_ID, integrationKey: PAYNOW_KEY, callbackDelayMs: 50 });

Object.assign(process.env, {
  PAYNOW_INTEGRATION_ID: PAYNOW_ID,
  PAYNOW_INTEGRATION_KEY: PAYNOW_KEY,
  PAYNOW_API_BASE: fakePaynow.url,
  PAYNOW_RESULT_URL: "http://localhost:3000/api/webhooks/paynow",
  PAYNOW_RETURN_URL: "http://localhost:3000/pay",
});

afterAll(() => fakePaynow.close());

import { afterAll } from "vitest";
import { startFakeCvt } from "../fakes/cvt-server";

// Import this FIRST in a test file: it starts a fake CVT and points the app's environment at it before
// lib/env is loaded by any other import.
export const fakeCvt = await startFakeCvt();

Object.assign(process.env, {
  CVT_API_URL: fakeCvt.url,
  CVT_SECRET_KEY: fakeCvt.secret,
  CVT_WEBHOOK_SECRET: fakeCvt.webhookSecret,
  CVT_TIMEOUT_MS: "5000",
});

afterAll(() => fakeCvt.close());

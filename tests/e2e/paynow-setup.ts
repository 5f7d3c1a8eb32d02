import { startFakePaynow } from "../fakes/paynow-server";
import { e2ePaynow } from "./paynow-settings";

// A fake Paynow on a fixed port for the production server under test; it posts results to the app's
// result URL like Paynow does (sandbox number 0771111111 is paid after a short delay).
export default async function globalSetup() {
  const fake = await startFakePaynow({
    integrationId: e2ePaynow.id,
    integrationKey: e2ePaynow.key,
    port: e2ePaynow.port,
    deliverCallbacks: true,
    callbackDelayMs: 2_500,
  });
  return () => fake.close();
}

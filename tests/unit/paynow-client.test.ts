import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PaynowClient } from "@/lib/payments/paynow/client";
import { PaynowProtocolError, PaynowUnavailableError } from "@/lib/payments/paynow/http";
import { startFakePaynow } from "../fakes/paynow-server";

const KEY = "0f3b6c1e-8d2a-4a57-9b0e-2c4d6e8f0a1b";
const fake = await startFakePaynow({ integrationId: "4321", integrationKey: KEY, callbackDelayMs: 10 });
afterAll(() => fake.close());

function client(options: ConstructorParameters<typeof PaynowClient>[1] = {}, apiBase = fake.url) {
  return new PaynowClient(
    { integrationId: "4321", integrationKey: KEY, apiBase, resultUrl: "http://app.test/api/webhooks/paynow", returnUrl: "http://app.test/pay" },
    { backoffMs: 5, ...options },
  );
}

const request = (reference: string, phone?: string) => ({
  reference,
  amountCents: 2999,
  additionalInfo: "Tangabiz invoice INV-2026-000001",
  returnUrl: "http://app.test/pay/tok",
  authEmail: "owner@example.test",
  mobile: phone ? { method: "ecocash" as const, phone } : undefined,
});

describe("PaynowClient", () => {
  it("initiates mobile and web transactions and verifies the replies", async () => {
    const paynow = client();
    const mobile = await paynow.initiate(request("R-1", "0771111111"));
    expect(mobile).toMatchObject({ ok: true, instructions: expect.stringContaining("29.99") });
    const web = await paynow.initiate(request("R-2"));
    expect(web).toMatchObject({ ok: true, browserUrl: expect.stringContaining("/payment/confirm/") });
    expect(fake.requests.at(-1)!.path).toBe("/interface/initiatetransaction");
    paynow.shutdown();
  });

  it("returns Paynow's own refusal as a result, not an exception", async () => {
    const paynow = client();
    expect(await paynow.initiate(request("R-3", "0774444444"))).toEqual({ ok: false, error: "Insufficient balance" });
    paynow.shutdown();
  });

  it("polls, verifies the hash and the reference", async () => {
    const paynow = client();
    const started = await paynow.initiate(request("R-4", "0771111111"));
    if (!started.ok) throw new Error("initiate failed");
    await fake.settle("R-4", "Paid");
    expect(await paynow.poll(started.pollUrl, "R-4")).toMatchObject({ reference: "R-4", status: "Paid", amount: "29.99" });
    await expect(paynow.poll(started.pollUrl, "R-other")).rejects.toBeInstanceOf(PaynowProtocolError);
    await expect(paynow.poll("https://evil.example/interface/checkpayment/?guid=x", "R-4")).rejects.toBeInstanceOf(PaynowProtocolError);
    paynow.shutdown();
  });

  it("retries a poll on transient failures with backoff", async () => {
    const paynow = client();
    const started = await paynow.initiate(request("R-5", "0779999999"));
    if (!started.ok) throw new Error("initiate failed");
    fake.failNext = 2;
    const before = fake.requests.length;
    expect(await paynow.poll(started.pollUrl, "R-5")).toMatchObject({ status: "Sent" });
    expect(fake.requests.length - before).toBe(3);
    paynow.shutdown();
  });

  it("reports a refused connection as a request Paynow never saw", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const paynow = client({}, `http://127.0.0.1:${port}`);
    const error = await paynow.initiate(request("R-6", "0771111111")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaynowUnavailableError);
    expect(error).toMatchObject({ mayHaveArrived: false });
    paynow.shutdown();
  });

  it("counts a 4xx as our mistake, not an outage, so it never opens the circuit", async () => {
    const paynow = client({ breaker: { volumeThreshold: 1 } });
    for (let i = 0; i < 3; i++) {
      await expect(paynow.poll(`${fake.url}/nowhere`, "R-7")).rejects.toMatchObject({ transient: false, circuitOpen: false });
    }
    expect(paynow.isOpen).toBe(false);
    paynow.shutdown();
  });
});

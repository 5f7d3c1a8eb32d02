import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { DestinationRefusedError, isPublicAddress, resolveDestination } from "@/lib/webhooks-out/destination";
import { postWebhook } from "@/lib/webhooks-out/post-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";

describe("outbound webhook destinations", () => {
  afterEach(() => {
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = false;
  });

  it("tells public unicast addresses from private, loopback, link-local and reserved ones", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "224.0.0.1", "255.255.255.255"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["8.8.8.8", "1.1.1.1", "41.79.1.2", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("refuses literal private addresses and a name that resolves to loopback", async () => {
    for (const url of ["http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:3000/hook", "http://localhost:3000/hook"]) {
      await expect(resolveDestination(new URL(url)), url).rejects.toBeInstanceOf(DestinationRefusedError);
    }
    await expect(resolveDestination(new URL("http://localhost/"))).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), a private, loopback or link-local address/);
  });

  it("allows them when OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS is true", async () => {
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
    expect(await resolveDestination(new URL("http://127.0.0.1:8080/hook"))).toEqual({ address: "127.0.0.1", family: 4 });
    expect(await resolveDestination(new URL("http://[::1]:8080/hook"))).toEqual({ address: "::1", family: 6 });
  });
});

describe("postWebhook", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  afterEach(() => {
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = false;
  });

  it("never connects to a refused address", async () => {
    const before = receiver.received.length;
    await expect(postWebhook(`${receiver.url}/x`, {}, "{}")).rejects.toBeInstanceOf(DestinationRefusedError);
    const viaName = receiver.url.replace("127.0.0.1", "localhost");
    await expect(postWebhook(`${viaName}/x`, {}, "{}")).rejects.toBeInstanceOf(DestinationRefusedError);
    expect(receiver.received.length).toBe(before);
  });

  it("gives up after the timeout and reports the status and latency of an answer", async () => {
    env.OUTBOUND_WEBHOOKS_ALLOW_PRIVATE_NETWORKS = true;
    receiver.respondWith("hang");
    await expect(postWebhook(`${receiver.url}/slow`, {}, "{}", 200)).rejects.toThrow("No answer within 0.2 s");
    receiver.respondWith(503);
    const answer = await postWebhook(`${receiver.url}/down`, { "webhook-id": "evt_1" }, '{"a":1}');
    expect(answer.status).toBe(503);
    expect(answer.body).toBe('{"received":false}');
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
    const last = receiver.received.at(-1)!;
    expect(last.headers["webhook-id"]).toBe("evt_1");
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.body).toBe('{"a":1}');
  });
});

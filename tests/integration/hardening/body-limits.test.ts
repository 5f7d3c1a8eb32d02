import { describe, expect, it } from "vitest";
import * as posTransactions from "@/app/api/pos/transactions/route";
import * as paynowWebhook from "@/app/api/webhooks/paynow/route";
import * as stripeWebhook from "@/app/api/webhooks/stripe/route";
import { readBodyText } from "@/lib/api/read-body";
import { createBusiness } from "../../helpers/fixtures";

const CHUNK = 64 * 1024;
const HUGE = 50 * 1024 * 1024;

// The stream reads a few chunks ahead of the reader, so "stopped early" means within 4 chunks (256 KiB), not 50 MB.
// A chunked body (no Content-Length) that would be 50 MB; counts how much of it the server pulled.
function endlessBody(fill = "a") {
  const chunk = new TextEncoder().encode(fill.repeat(CHUNK));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= HUGE) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function chunkedRequest(path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { origin: "http://localhost:3000", ...headers },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

describe("capped body reader", () => {
  it("stops reading a chunked body at the limit and answers 413", async () => {
    const { stream, counter } = endlessBody();
    const error = await readBodyText(chunkedRequest("/x", stream, {}), 64 * 1024).catch((e) => e);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(counter.pulled).toBeLessThanOrEqual(4 * CHUNK);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, counter } = endlessBody();
    const req = chunkedRequest("/x", stream, { "content-length": String(HUGE) });
    const error = await readBodyText(req, 1024).catch((e) => e);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  it("a body cut off by the client (connection reset mid-upload) is a 400 incomplete_body, not a database outage", async () => {
    const reset = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(reset);
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"amount":'));
      },
    });
    const error = await readBodyText(chunkedRequest("/x", stream, {}), 64 * 1024).catch((e) => e);
    expect(error).toMatchObject({ code: "incomplete_body", status: 400 });
  });

  it("refuses bytes that are not UTF-8 with 400 invalid_encoding", async () => {
    const req = new Request("http://localhost:3000/x", { method: "POST", body: new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d]) });
    await expect(readBodyText(req, 1024)).rejects.toMatchObject({ code: "invalid_encoding", status: 400 });
  });
});

describe("routes read bodies through the cap", () => {
  it("Stripe webhook: 50 MB chunked → 413 after at most a few hundred KiB", async () => {
    const { stream, counter } = endlessBody();
    const res = await stripeWebhook.POST(chunkedRequest("/api/webhooks/stripe", stream, { "stripe-signature": "t=1,v1=00", "content-type": "application/json" }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024 + 4 * CHUNK);
  });

  it("Paynow result URL: 50 MB chunked → 413 after a few chunks", async () => {
    const { stream, counter } = endlessBody();
    const res = await paynowWebhook.POST(chunkedRequest("/api/webhooks/paynow", stream, { "content-type": "application/x-www-form-urlencoded" }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThanOrEqual(4 * CHUNK);
  });

  it("JSON API: 50 MB chunked POS transaction → 413 after a few chunks", async () => {
    const { apiKey } = await createBusiness("Chunky Shop");
    const { stream, counter } = endlessBody(" ");
    const req = chunkedRequest("/api/pos/transactions", stream, { authorization: `Bearer ${apiKey}`, "content-type": "application/json" });
    const res = await posTransactions.POST(req);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({ code: "payload_too_large", message: "body: larger than 64 KiB" });
    expect(counter.pulled).toBeLessThanOrEqual(4 * CHUNK);
  });
});

import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveDestination } from "./destination";

export const DELIVERY_TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 2048;

export interface DeliveryResponse {
  status: number;
  body: string;
  latencyMs: number;
}

// POSTs one signed delivery to the address resolved (and checked) once, with the URL's host kept for the Host
// header and TLS (SNI and certificate). Redirects are not followed: a 3xx is simply not a success.
export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<DeliveryResponse> {
  const url = new URL(rawUrl);
  const pinned = await resolveDestination(url);
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const transport = url.protocol === "https:" ? https : http;
  const started = performance.now();
  return new Promise<DeliveryResponse>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: "POST",
        lookup: pinnedLookup,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Tangabiz-Webhooks/1.0",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_RESPONSE_BYTES),
            latencyMs: Math.round(performance.now() - started),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.name === "AbortError" || error.name === "TimeoutError"
          ? new Error(`No answer within ${timeoutMs / 1000} s`)
          : new Error(`Could not connect: ${error.code ?? error.message}`),
      );
    });
    req.end(body);
  });
}

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// A local webhook receiver, like a customer's endpoint: it records every request, verifies its Standard
// Webhooks signature with the endpoint's secret (when told it), and answers the status it is told to
// (queued statuses first, then the default). A status of "hang" never answers.
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  // null when no secret was set for the path; otherwise whether standardwebhooks verified it.
  verified: boolean | null;
  verifyError?: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  setSecret(path: string, secret: string): void;
  respondWith(...statuses: (number | "hang")[]): void;
  setDefaultStatus(status: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(host = "127.0.0.1", port = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string>();
  const queued: (number | "hang")[] = [];
  let defaultStatus = 200;
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const path = req.url ?? "/";
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      json = null;
    }
    const secret = secrets.get(path);
    let verified: boolean | null = null;
    let verifyError: string | undefined;
    if (secret) {
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch (error) {
        verified = false;
        verifyError = (error as Error).message;
      }
    }
    received.push({ path, headers: req.headers, body, json, verified, verifyError });
    const status = queued.shift() ?? defaultStatus;
    if (status === "hang") return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ received: status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    received,
    setSecret: (path, secret) => secrets.set(path, secret),
    respondWith: (...statuses) => queued.push(...statuses),
    setDefaultStatus: (status) => {
      defaultStatus = status;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const started = Date.now();
      while (received.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`Receiver got ${received.length} of ${count} webhooks`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

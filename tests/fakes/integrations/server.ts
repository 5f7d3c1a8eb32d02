import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// One small local server that stands in for every integration provider. Each provider's routes live in their own
// file, check that provider's auth header and payload shape as its documentation describes, and answer like it.

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: unknown;
}

export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface Route {
  provider: string;
  method: string;
  pattern: RegExp;
  handle(req: FakeRequest, match: RegExpMatchArray): Reply | Promise<Reply>;
}

export interface Injection {
  provider: string;
  status: number;
  retryAfter?: string;
  times: number;
  json?: unknown;
}

export interface FakeServer {
  url: string;
  requests: (FakeRequest & { provider: string; status: number })[];
  // Makes the next `times` requests to a provider answer `status` (e.g. 429 with Retry-After, 503).
  inject(injection: Injection): void;
  close(): Promise<void>;
}

export async function startFakeServer(routes: Route[], port = 0): Promise<FakeServer> {
  const requests: FakeServer["requests"] = [];
  const injections: Injection[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    const text = body.toString("utf8");
    let json: unknown = null;
    try {
      json = text && String(req.headers["content-type"]).includes("json") ? JSON.parse(text) : null;
    } catch {
      json = undefined;
    }
    const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, text, json };
    const send = (provider: string, reply: Reply) => {
      requests.push({ ...request, provider, status: reply.status });
      const headers: Record<string, string> = { ...reply.headers };
      let payload = reply.text ?? "";
      if (reply.json !== undefined) {
        headers["content-type"] = "application/json";
        payload = JSON.stringify(reply.json);
      }
      res.writeHead(reply.status, headers).end(payload);
    };
    for (const route of routes) {
      const match = request.path.match(route.pattern);
      if (!match || route.method !== request.method) continue;
      const injection = injections.find((i) => i.provider === route.provider && i.times > 0);
      if (injection) {
        injection.times -= 1;
        return send(route.provider, {
          status: injection.status,
          json: injection.json ?? { message: injection.status === 429 ? "rate limit exceeded" : "internal error" },
          headers: injection.retryAfter ? { "retry-after": injection.retryAfter } : {},
        });
      }
      try {
        return send(route.provider, await route.handle(request, match));
      } catch (error) {
        return send(route.provider, { status: 500, json: { message: `fake error: ${(error as Error).message}` } });
      }
    }
    send("none", { status: 404, json: { message: `no fake route for ${request.method} ${request.path}` } });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    inject: (injection) => injections.push({ ...injection }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function bearerToken(req: FakeRequest, scheme = "Bearer"): string | null {
  const header = req.headers.authorization ?? "";
  return header.startsWith(`${scheme} `) ? header.slice(scheme.length + 1) : null;
}

export let idCounter = 1000;
export const nextId = () => String(++idCounter);

import { randomBytes } from "node:crypto";
import http from "node:http";
import { isIP } from "node:net";

type ProxyHeader = "x-forwarded-for" | "x-real-ip" | "x-vercel-forwarded-for" | undefined;

// Route handlers never see the socket, and `next start` keeps a client-sent X-Forwarded-For as it is. So the
// server stamps each incoming request with the address it trusts, under a header name that is random per
// process: no client can send it, and where this stamp is not installed nobody sets it.
const holder = globalThis as { tangabizClientIpHeader?: string; tangabizClientIpStamp?: boolean };
export const CLIENT_IP_HEADER = (holder.tangabizClientIpHeader ??= `x-tangabiz-client-ip-${randomBytes(8).toString("hex")}`);

// The proxy header when one is configured (a proxy appends to x-forwarded-for, so its last entry), else the socket.
export function trustedClientIp(headers: http.IncomingHttpHeaders, socketAddress: string | undefined, proxyHeader: ProxyHeader): string | null {
  let candidate = socketAddress;
  if (proxyHeader) {
    const raw = headers[proxyHeader];
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    const entries = value?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
    candidate = proxyHeader === "x-forwarded-for" ? entries.at(-1) : entries[0];
  }
  if (!candidate) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(candidate)?.[1] ?? candidate;
  return isIP(mapped) ? mapped : null;
}

export function stampClientIp(req: http.IncomingMessage, proxyHeader: ProxyHeader): void {
  const ip = trustedClientIp(req.headers, req.socket?.remoteAddress, proxyHeader);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
}

// Installed once per process (instrumentation.ts), before Next sees the request.
export function installClientIpStamp(proxyHeader: ProxyHeader): void {
  if (holder.tangabizClientIpStamp) return;
  holder.tangabizClientIpStamp = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampClientIp(args[0] as http.IncomingMessage, proxyHeader);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/api/client-ip-stamp";
import { handleAuthRequest } from "../handle-auth-request";

// What the browser would have sent to /api/auth itself: its origin (checked), cookies, and the client address
// Better Auth rate-limits on. Forwarding through Better Auth's own handler keeps its origin check and rate limits,
// which direct auth.api calls skip.
// The server's client-IP stamp (client-ip-stamp.ts) is what Better Auth reads.
const forwardedHeaders = [CLIENT_IP_HEADER, "cookie", "origin", "referer", "user-agent", "x-forwarded-for", "x-real-ip", "sec-fetch-site", "accept-language"];

export interface AuthReply {
  status: number;
  body: { code?: string; message?: string; [key: string]: unknown } | null;
  retryAfterSeconds?: number;
}

export async function forwardToAuth(path: `/${string}`, body: Record<string, unknown>): Promise<AuthReply> {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost";
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  const outgoing = new Headers({ "content-type": "application/json", host });
  for (const name of forwardedHeaders) {
    const value = incoming.get(name);
    if (value) outgoing.set(name, value);
  }
  const response = await handleAuthRequest(
    new Request(`${proto}://${host}/api/auth${path}`, { method: "POST", headers: outgoing, body: JSON.stringify(body) }),
  );
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) {
    const jar = await cookies();
    parseSetCookieHeader(setCookie).forEach((value, name) => {
      if (name) jar.set(name, value.value, toCookieOptions(value));
    });
  }
  const retryAfter = Number(response.headers.get("x-retry-after"));
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as AuthReply["body"],
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

export function describeAuthRefusal(reply: AuthReply, fallback: string): string {
  if (reply.status === 429) return `Too many attempts. Try again in ${reply.retryAfterSeconds ?? 60} seconds.`;
  return reply.body?.message ?? fallback;
}

import { CLIENT_IP_HEADER } from "@/lib/api/client-ip-stamp";
import { env } from "@/lib/env";

// Better Auth rate-limits sign-in, sign-up and password resets per client IP; it must never take that IP from a
// header the client chose. A single-value header our proxy sets comes first (on Vercel this is always present);
// otherwise the address the server stamped from the socket or the configured proxy header (client-ip-stamp.ts).
export function authIpAddressHeaders(): string[] {
  const proxyHeader = env.TRUST_PROXY_HEADER;
  return proxyHeader && proxyHeader !== "x-forwarded-for" ? [proxyHeader, CLIENT_IP_HEADER] : [CLIENT_IP_HEADER];
}

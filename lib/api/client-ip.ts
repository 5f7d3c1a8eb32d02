import { isIP } from "node:net";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "./client-ip-stamp";

// The caller's IP for per-IP limits, never from a header a client could send itself: the address our server
// stamped on the request (the socket, or TRUST_PROXY_HEADER when a proxy of ours sets it; client-ip-stamp.ts),
// else, where no stamp is installed (e.g. Vercel's runtime), the configured proxy header. Unknown → null, and
// per-IP limits do not apply.
export function clientIp(req: Request): string | null {
  return clientIpFromHeaders(req.headers);
}

export function clientIpFromHeaders(headers: Headers): string | null {
  const stamped = headers.get(CLIENT_IP_HEADER);
  if (stamped) return stamped;
  const header = env.TRUST_PROXY_HEADER ?? (env.VERCEL ? "x-vercel-forwarded-for" : undefined);
  if (!header) return null;
  const value = headers.get(header);
  if (!value) return null;
  // A proxy appends the address it saw to x-forwarded-for: the last entry is the one it vouches for.
  const candidate = header === "x-forwarded-for" ? value.split(",").at(-1)!.trim() : value.split(",")[0].trim();
  return isIP(candidate) ? candidate : null;
}

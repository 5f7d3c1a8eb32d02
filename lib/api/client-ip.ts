import { isIP } from "node:net";
import { env } from "@/lib/env";

// The caller's IP for per-IP limits. Route handlers do not see the socket, so the address comes from the
// header a trusted proxy sets (TRUST_PROXY_HEADER), never from one a client could send itself; without
// that setting the address is unknown (null) and per-IP limits do not apply.
export function clientIp(req: Request): string | null {
  const header = env.TRUST_PROXY_HEADER ?? (env.VERCEL ? "x-vercel-forwarded-for" : undefined);
  if (!header) return null;
  const value = req.headers.get(header);
  if (!value) return null;
  // A proxy appends the address it saw to x-forwarded-for: the last entry is the one it vouches for.
  const candidate = header === "x-forwarded-for" ? value.split(",").at(-1)!.trim() : value.split(",")[0].trim();
  return isIP(candidate) ? candidate : null;
}

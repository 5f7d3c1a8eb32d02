import { clientIpFromHeaders } from "@/lib/api/client-ip";
import type { AuditActor } from "./record-audit";

// The caller's address as our server trusts it (never a header the client chose; lib/api/client-ip.ts) and
// the user agent, for audit entries.
export function requestOrigin(headers: Headers): Pick<AuditActor, "ipAddress" | "userAgent"> {
  return { ipAddress: clientIpFromHeaders(headers), userAgent: headers.get("user-agent") };
}

export function userActor(req: Request, userId: string): AuditActor {
  return { userId, ...requestOrigin(req.headers) };
}

export function apiKeyActor(req: Request, apiKeyId: string): AuditActor {
  return { apiKeyId, ...requestOrigin(req.headers) };
}

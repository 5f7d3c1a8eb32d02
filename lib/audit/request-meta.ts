import type { AuditActor } from "./record-audit";

// The caller's address as Better Auth sees it (first x-forwarded-for entry, which the hosting proxy sets),
// and the user agent, for audit entries.
export function requestOrigin(headers: Headers): Pick<AuditActor, "ipAddress" | "userAgent"> {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || null;
  return { ipAddress: forwarded, userAgent: headers.get("user-agent") };
}

export function userActor(req: Request, userId: string): AuditActor {
  return { userId, ...requestOrigin(req.headers) };
}

export function apiKeyActor(req: Request, apiKeyId: string): AuditActor {
  return { apiKeyId, ...requestOrigin(req.headers) };
}

import { env } from "@/lib/env";
import { ApiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// The origins Better Auth trusts (lib/auth) are the ones our own session routes accept.
export function appTrustedOrigins(): string[] {
  return [env.APP_URL, ...env.TRUSTED_ORIGINS.split(",")]
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => new URL(origin).origin);
}

function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0].trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

function declaresBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return length !== null ? length.trim() !== "0" : headers.has("transfer-encoding");
}

// CSRF defence for cookie-authenticated routes: an unsafe request must come from one of our pages (Origin, or
// Sec-Fetch-Site where a browser sends no Origin), and a body must be declared JSON, which a cross-site form or
// "simple" fetch cannot do without a preflight.
export function assertSameOriginWrite(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  const trusted = origin !== null ? appTrustedOrigins().includes(origin) : fetchSite === "same-origin";
  if (!trusted) {
    throw new ApiError("invalid_origin", origin !== null
      ? `Requests from ${origin} may not change data here.`
      : "Missing Origin header: changes are accepted only from the Tangabiz app.");
  }
  const contentType = req.headers.get("content-type");
  if ((contentType !== null || declaresBody(req.headers)) && !isJsonMediaType(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
}

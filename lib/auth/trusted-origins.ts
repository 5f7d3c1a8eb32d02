import { env } from "@/lib/env";

type Mode = "development" | "test" | "production";

const originOf = (url: string) => new URL(url).origin;

// APP_URL and TRUSTED_ORIGINS, as configured: the only origins trusted in production and tests.
export function configuredOrigins(): string[] {
  const extra = env.TRUSTED_ORIGINS.split(",").map((value) => value.trim()).filter(Boolean);
  return [originOf(env.APP_URL), ...extra];
}

// In development the dev server may listen on any port (`next dev -p 3555`, or 3001 when 3000 is busy), so the
// origin the request was sent to (its Host) is trusted as well: a page served by this very server may call it.
// A page from elsewhere still carries its own Origin, which matches neither.
export function trustedOriginsFor(request: Request | undefined, mode: Mode = env.NODE_ENV): string[] {
  const origins = configuredOrigins();
  const host = request?.headers.get("host");
  if (mode === "development" && host && /^[a-z0-9.\-[\]:]+$/i.test(host)) {
    origins.push(`http://${host}`, `https://${host}`);
  }
  return origins;
}

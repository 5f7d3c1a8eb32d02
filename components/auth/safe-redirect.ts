const BASE = "http://same-origin.invalid";

// Only a path on this site may be a post-sign-in destination (no open redirects). The target is parsed the way
// a browser would (tabs and newlines dropped, "\" read as "/"), so "/%09/evil.example" or "/\evil.example",
// which look like paths but resolve to another host, fall back; the normalised path is what we navigate to.
export function safeRedirect(target: string | null | undefined, fallback = "/dashboard"): string {
  if (!target || !target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

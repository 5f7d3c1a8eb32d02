import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";

// Before a request reaches its route:
// - a path segment that is not valid percent-encoded UTF-8 (e.g. %ED%A0%80), which Next would answer with a
//   plain-text 500 while decoding route params, is refused with our error shape;
// - the Content-Security-Policy gets a fresh nonce (lib/security-headers.ts): Next reads it from the request's
//   header and puts it on the scripts it renders, and the response carries the same policy.
// Kept off the POS and mobile API hot paths, whose routes have no path parameters, and off the floor the
// benchmark compares them with (/api/ping).
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json(
      { error: { code: "invalid_encoding", message: "The URL path is not valid percent-encoded UTF-8." } },
      { status: 400 },
    );
  }
  const csp = contentSecurityPolicy({ production: process.env.NODE_ENV === "production", nonce: crypto.randomUUID().replaceAll("-", "") });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/pos|api/v1|api/ping|_next/static|_next/image|favicon.ico).*)"],
};

import { NextResponse, type NextRequest } from "next/server";

// Next answers a path segment that is not valid percent-encoded UTF-8 (e.g. %ED%A0%80) with a plain-text 500
// while decoding route params; refuse it here with our error shape. Kept off the POS and mobile API hot paths,
// whose routes have no path parameters, and off the floor the benchmark compares them with (/api/ping).
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.json(
      { error: { code: "invalid_encoding", message: "The URL path is not valid percent-encoded UTF-8." } },
      { status: 400 },
    );
  }
}

export const config = {
  matcher: ["/((?!api/pos|api/v1|api/ping|_next/static|_next/image|favicon.ico).*)"],
};

// Better Auth refuses a request from an untrusted origin with a bare "Invalid origin". Say what to set instead.
export function originRefusalMessage(origin: string | null): string {
  const shown = origin && origin !== "null" ? origin : "this page's address";
  const setting = origin && origin !== "null" ? `APP_URL=${origin}` : "APP_URL to the address in your browser";
  return (
    `Refused: ${shown} is not a trusted origin for this server. ` +
    `Set ${setting} (or add it to TRUSTED_ORIGINS, comma-separated) in .env.local or the server's environment, then restart.`
  );
}

export async function explainOriginRefusal(request: Request, response: Response): Promise<Response> {
  if (response.status !== 403) return response;
  const body = (await response.clone().json().catch(() => null)) as { code?: string } | null;
  if (body?.code !== "INVALID_ORIGIN") return response;
  const origin = request.headers.get("origin") ?? refererOrigin(request.headers.get("referer"));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify({ ...body, message: originRefusalMessage(origin) }), { status: 403, headers });
}

function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

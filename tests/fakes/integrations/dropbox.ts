import { bearerToken, nextId, type FakeRequest, type Reply, type Route } from "./server";

// Dropbox API v2: Bearer token; users/get_current_account (RPC, no arguments); content upload with the JSON
// arguments in Dropbox-API-Arg (ASCII only) and the bytes as application/octet-stream. Errors carry error_summary.
export class FakeDropbox {
  token = "sl.fake-dropbox-token-0001";
  files = new Map<string, { id: string; content: Buffer; revisions: number }>();

  private unauthorized(req: FakeRequest): Reply | null {
    if (bearerToken(req) === this.token) return null;
    return { status: 401, json: { error_summary: "invalid_access_token/...", error: { ".tag": "invalid_access_token" } } };
  }

  routes(): Route[] {
    return [
      {
        provider: "dropbox",
        method: "POST",
        pattern: /^\/2\/users\/get_current_account$/,
        handle: (req) =>
          this.unauthorized(req) ??
          (req.body.length && req.text !== "null"
            ? { status: 400, text: "Error in call to API function \"users/get_current_account\": request body: could not decode input as JSON" }
            : { status: 200, json: { account_id: "dbid:fake", email: "owner@example.test", name: { display_name: "Owner" } } }),
      },
      {
        provider: "dropbox",
        method: "POST",
        pattern: /^\/2\/files\/upload$/,
        handle: (req) => this.unauthorized(req) ?? this.upload(req),
      },
    ];
  }

  private upload(req: FakeRequest): Reply {
    const raw = String(req.headers["dropbox-api-arg"] ?? "");
    if (req.headers["content-type"] !== "application/octet-stream") {
      return { status: 400, text: "Error in call to API function \"files/upload\": Bad HTTP \"Content-Type\" header. Expecting \"application/octet-stream\"." };
    }
    if (!raw || /[^\x20-\x7e]/.test(raw)) return { status: 400, text: "Error in call to API function \"files/upload\": Bad Dropbox-API-Arg header" };
    const arg = JSON.parse(raw) as { path?: string; mode?: string | { ".tag": string } };
    if (!arg.path?.startsWith("/")) return { status: 409, json: { error_summary: "path/malformed_path/..", error: { ".tag": "path", reason: { ".tag": "malformed_path" } } } };
    const mode = typeof arg.mode === "string" ? arg.mode : (arg.mode?.[".tag"] ?? "add");
    const key = arg.path.toLowerCase();
    const existing = this.files.get(key);
    if (existing && mode !== "overwrite") return { status: 409, json: { error_summary: "path/conflict/file/..", error: { ".tag": "path", reason: { ".tag": "conflict" } } } };
    const file = { id: existing?.id ?? `id:${nextId()}`, content: req.body, revisions: (existing?.revisions ?? 0) + 1 };
    this.files.set(key, file);
    return { status: 200, json: { id: file.id, name: arg.path.split("/").pop(), path_display: arg.path, path_lower: key, size: req.body.length, rev: `0${file.revisions}` } };
  }
}

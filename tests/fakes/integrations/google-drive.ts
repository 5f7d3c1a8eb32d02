import { bearerToken, nextId, type FakeRequest, type Reply, type Route } from "./server";

// Google Drive v3: Bearer token; files.get of the folder; multipart/related uploads (JSON metadata part, then the
// media part) with POST (create, parents) and PATCH /{id} (replace content). Errors are { error: { code, message, status } }.
export class FakeGoogleDrive {
  token = "ya29.fake-drive-token-0001";
  folderId = "1FakeFolderId_abc";
  files = new Map<string, { name: string; mimeType: string; parents: string[]; content: Buffer; versions: number }>();

  private unauthorized(req: FakeRequest): Reply | null {
    if (bearerToken(req) === this.token) return null;
    return { status: 401, json: { error: { code: 401, message: "Request had invalid authentication credentials. Expected OAuth 2 access token.", status: "UNAUTHENTICATED" } } };
  }

  routes(): Route[] {
    return [
      {
        provider: "google_drive",
        method: "GET",
        pattern: /^\/drive\/v3\/files\/([\w-]+)$/,
        handle: (req, match) => {
          const refused = this.unauthorized(req);
          if (refused) return refused;
          if (match[1] === this.folderId) return { status: 200, json: { id: this.folderId, name: "Tangabiz", mimeType: "application/vnd.google-apps.folder" } };
          const file = this.files.get(match[1]);
          if (file) return { status: 200, json: { id: match[1], name: file.name, mimeType: file.mimeType } };
          return { status: 404, json: { error: { code: 404, message: `File not found: ${match[1]}.`, status: "NOT_FOUND" } } };
        },
      },
      { provider: "google_drive", method: "POST", pattern: /^\/upload\/drive\/v3\/files$/, handle: (req) => this.unauthorized(req) ?? this.upload(req, null) },
      { provider: "google_drive", method: "PATCH", pattern: /^\/upload\/drive\/v3\/files\/([\w-]+)$/, handle: (req, match) => this.unauthorized(req) ?? this.upload(req, match[1]) },
    ];
  }

  private upload(req: FakeRequest, fileId: string | null): Reply {
    const bad = (message: string): Reply => ({ status: 400, json: { error: { code: 400, message, status: "INVALID_ARGUMENT" } } });
    if (req.query.get("uploadType") !== "multipart") return bad("uploadType must be multipart");
    const boundary = /multipart\/related;\s*boundary=([^;]+)/.exec(String(req.headers["content-type"]))?.[1];
    if (!boundary) return bad("Content-Type must be multipart/related with a boundary");
    const parts = splitMultipart(req.body, boundary);
    if (parts.length !== 2 || !/application\/json/.test(parts[0].headers)) return bad("Expected a JSON metadata part and a media part");
    const metadata = JSON.parse(parts[0].body.toString("utf8")) as { name?: string; mimeType?: string; parents?: string[] };
    if (!metadata.name) return bad("metadata.name is required");
    if (fileId) {
      const file = this.files.get(fileId);
      if (!file) return { status: 404, json: { error: { code: 404, message: `File not found: ${fileId}.`, status: "NOT_FOUND" } } };
      if (metadata.parents) return bad("The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.");
      Object.assign(file, { name: metadata.name, content: parts[1].body, versions: file.versions + 1 });
      return { status: 200, json: { kind: "drive#file", id: fileId, name: file.name, mimeType: file.mimeType } };
    }
    if (!metadata.parents?.includes(this.folderId)) return { status: 404, json: { error: { code: 404, message: `File not found: ${metadata.parents?.[0]}.`, status: "NOT_FOUND" } } };
    const id = `1file${nextId()}`;
    this.files.set(id, { name: metadata.name, mimeType: metadata.mimeType ?? "application/octet-stream", parents: metadata.parents, content: parts[1].body, versions: 1 });
    return { status: 200, json: { kind: "drive#file", id, name: metadata.name, mimeType: metadata.mimeType } };
  }
}

function splitMultipart(body: Buffer, boundary: string): { headers: string; body: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = chunk.indexOf("\r\n\r\n");
    if (split >= 0) parts.push({ headers: chunk.subarray(0, split).toString("utf8"), body: chunk.subarray(split + 4) });
    start = next;
  }
  return parts;
}

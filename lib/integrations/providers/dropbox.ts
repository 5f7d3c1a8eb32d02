import { env } from "@/lib/env";
import { syncFiles, type FileToUpload } from "../files/sync-files";
import { bearer, providerFetch } from "../provider-http";
import type { ProviderAdapter } from "../sync-context";

// Dropbox API v2: POST content…/2/files/upload with the arguments in the Dropbox-API-Arg header (mode overwrite, so
// a day with late sales replaces its file); the token is checked with users/get_current_account.

export const dropbox: ProviderAdapter = {
  async verify({ accessToken }) {
    await providerFetch("Dropbox", `${env.DROPBOX_API_BASE}/2/users/get_current_account`, { method: "POST", headers: bearer(accessToken) });
  },

  async sync(ctx) {
    await syncFiles(ctx, (file) => upload(ctx.credentials.accessToken, ctx.settings.path, file));
  },
};

async function upload(token: string, folder: string, file: FileToUpload): Promise<string> {
  const path = `${folder === "/" ? "" : folder}/${file.name}`;
  const arg = { path, mode: "overwrite", autorename: false, mute: true, strict_conflict: false };
  const res = await providerFetch("Dropbox", `${env.DROPBOX_CONTENT_BASE}/2/files/upload`, {
    method: "POST",
    headers: { ...bearer(token), "content-type": "application/octet-stream", "dropbox-api-arg": headerSafeJson(arg) },
    body: new Uint8Array(file.content),
  });
  return (res.json as { id: string }).id;
}

// HTTP headers carry ASCII only: Dropbox asks for other characters as \uXXXX escapes.
export function headerSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
